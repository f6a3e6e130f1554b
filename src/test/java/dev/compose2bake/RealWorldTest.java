package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.fail;

import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.CorpusCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The public Compose projects of ../shared/realworld (read in place: some licences forbid copying
 * them), each converted to JSON and HCL from its own working directory with its own {@code -f}
 * arguments, and read back by buildx. buildx ignores profiles, so the converter runs with
 * {@code --profile '*'}: every service is then in the default group, as in buildx; and with
 * {@code --env-defaults all}, since buildx reads every .env value while the default {@code safe}
 * withholds credential-like ones from the file on purpose. Cases where a
 * deliberate difference (SPEC §3) applies are listed in {@link #DELIBERATE} with the reason and
 * what is checked instead.
 */
class RealWorldTest {

  /** Case name → mode ("ok": must convert; "readable": must convert and buildx must read it) and reason. */
  static final Map<String, String[]> DELIBERATE = Map.of(
      "Res42__anyk-docker__build__base.yml", new String[] {"readable",
          "run from the repository root with -f build/base.yml: relative paths follow Compose's project directory"
              + " (build/), written relative to the working directory, where buildx keeps them relative to it"},
      "Res42__anyk-docker__build__plugin__NAV_25HIPAK.yml", new String[] {"readable",
          "same as above, with the project directory build/plugin/"},
      "envoyproxy__examples__dynamic-config-cp__docker-compose.yaml", new String[] {"readable",
          "${COMPOSE_PROJECT_NAME} is the project folder's name, as in Compose; buildx uses \"bake\""},
      "docker__compose-for-agents__a2a__compose.yaml+offload", new String[] {"readable",
          "compose.offload.yaml has no services or secrets: buildx refuses such a file on its own, Compose merges it"},
      "docker__compose__pkg__e2e__fixtures__build-test__secrets__compose.yml", new String[] {"ok",
          "the secret file is not in the repository: buildx --print fails, compose2bake warns (SPEC §3)"},
      "docker__compose__pkg__e2e__fixtures__build-test__ssh__compose.yaml", new String[] {"ok",
          "the ssh key is not in the repository: buildx --print fails, compose2bake warns (SPEC §3)"},
      "envoyproxy__examples__docker-compose.yml", new String[] {"readable",
          "with PWD unset a service volume becomes \":/workspace/examples\", which buildx's parser of volumes it does"
              + " not use refuses; compose2bake, like Compose build, does not read volumes"});

  @TestFactory
  Stream<DynamicTest> realWorld() throws Exception {
    Path shared = CorpusCase.sharedDir();
    if (shared == null || !Files.isDirectory(shared.resolve("realworld/cases"))) {
      if ("true".equals(System.getenv("CI"))) {
        fail("../shared/realworld is missing: CI must provide it beside the project");
      }
      Assumptions.abort("../shared/realworld not found beside the project");
    }
    Buildx buildx = Buildx.require();
    CaseRunner runner = new CaseRunner(buildx);
    List<CorpusCase> cases = CorpusCase.load(shared.resolve("realworld/cases"));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    Map<String, Future<String>> results = new TreeMap<>();
    for (CorpusCase c : cases) {
      String[] deliberate = DELIBERATE.get(c.name());
      CorpusCase run = deliberate == null ? c : c.withMode(deliberate[0]);
      for (String format : List.of("json", "hcl")) {
        results.put(c.name() + " [" + format + "]", pool.submit(() -> runner.run(run, format, List.of("--profile", "*", "--env-defaults", "all"))));
      }
    }
    pool.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    int passed = 0;
    for (Map.Entry<String, Future<String>> e : results.entrySet()) {
      String why = e.getValue().get();
      passed += why == null ? 1 : 0;
      String name = e.getKey();
      tests.add(DynamicTest.dynamicTest(name, () -> {
        if (why != null) {
          fail(name + ": " + why);
        }
      }));
    }
    for (String name : DELIBERATE.keySet()) {
      if (cases.stream().noneMatch(c -> c.name().equals(name))) {
        tests.add(DynamicTest.dynamicTest(name, () -> fail("listed in DELIBERATE but not in the corpus: " + name)));
      }
    }
    System.out.printf("[realworld] buildx %s: %d of %d runs passed (%d cases, %d with a deliberate difference)%n",
        buildx.version(), passed, results.size(), cases.size(), DELIBERATE.size());
    return tests.stream();
  }
}
