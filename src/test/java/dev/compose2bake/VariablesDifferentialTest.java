package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.CorpusCase;
import dev.compose2bake.support.GoldenCase;
import dev.compose2bake.support.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Kept variables mean what Compose means: for every conformance case that uses interpolation and
 * every {@code testdata/variables-*} case, the bake file is generated once, then read by
 * {@code docker buildx bake --print} under three environments — each of its variables unset, set
 * to "", set to a value — next to buildx reading the Compose files under the same environment. The
 * two must agree (both refusing counts as agreeing), and generating under each environment must
 * give the same bytes. Runs with {@code --env-defaults all}, since buildx reads every .env value.
 */
class VariablesDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One case: where it lives, its converter and buildx arguments, and its environment. */
  private record Case(String name, Path dir, List<String> args, List<String> bakeArgs, Map<String, String> env,
      String cwd) {}

  @TestFactory
  Stream<DynamicTest> keptVariablesMeanWhatComposeMeans() throws Exception {
    Buildx buildx = Buildx.require();
    List<Case> cases = new ArrayList<>();
    Path shared = CorpusCase.sharedDir();
    if (shared != null) {
      for (CorpusCase c : CorpusCase.load(shared.resolve("conformance/cases"))) {
        boolean comparable = c.mode().equals("json") && !c.deliberateJson() || c.mode().equals("error-or-bake-fails");
        if (comparable && !c.nondeterministic() && usesVariables(c.dir())) {
          cases.add(new Case(c.name(), c.dir(), c.args(), c.args(), c.env(), c.cwd()));
        }
      }
    }
    for (GoldenCase g : GoldenCase.all(Path.of("testdata"))) {
      if ((g.name().startsWith("variables-") || g.name().equals("interpolation")) && g.deliberate() == null
          && !g.args().contains("--resolve") && !g.refused()) {
        cases.add(new Case(g.name(), g.dir(), g.args(), g.bakeArgs(), g.env(), g.cwd()));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    Map<String, Future<String>> results = new TreeMap<>();
    for (Case c : cases) {
      for (String format : List.of("json", "hcl")) {
        results.put(c.name() + " [" + format + "]", pool.submit(() -> check(buildx, c, format)));
      }
    }
    pool.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    int passed = 0;
    for (Map.Entry<String, Future<String>> e : results.entrySet()) {
      String why = e.getValue().get();
      passed += why == null ? 1 : 0;
      tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
        if (why != null) {
          fail(e.getKey() + ": " + why);
        }
      }));
    }
    System.out.printf("[variables] %d of %d runs agree with buildx under 3 environments each (%d cases)%n", passed,
        results.size(), cases.size());
    return tests.stream();
  }

  private static boolean usesVariables(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String n = f.getFileName().toString();
        if ((n.endsWith(".yaml") || n.endsWith(".yml")) && Files.readString(f, StandardCharsets.UTF_8).contains("$")) {
          return true;
        }
      }
    }
    return false;
  }

  private static String check(Buildx buildx, Case c, String format) throws IOException {
    Path tmp = Files.createTempDirectory("c2b-vars-");
    try {
      Path work = tmp.resolve("case");
      GoldenCase.copy(c.dir(), work);
      Path runDir = work.resolve(c.cwd()).normalize();
      Map<String, String> base = buildx.environment(c.env());
      String reference = generate(runDir, c, format, base);
      if (reference == null) {
        return "the conversion failed";
      }
      Path ours = tmp.resolve("ours." + format);
      Files.writeString(ours, reference, StandardCharsets.UTF_8);
      List<String> names = new ArrayList<>();
      JsonNode vars = JSON.readTree(format.equals("json") ? reference : generate(runDir, c, "json", base))
          .path("variable");
      vars.fieldNames().forEachRemaining(names::add);
      for (String state : List.of("unset", "empty", "set")) {
        Map<String, String> env = new LinkedHashMap<>(base);
        for (String n : names) {
          switch (state) {
            case "unset" -> env.remove(n);
            case "empty" -> env.put(n, "");
            default -> env.put(n, "value-" + n.toLowerCase(Locale.ROOT));
          }
        }
        String again = generate(runDir, c, format, env);
        if (!reference.equals(again)) {
          return "generating with the variables " + state + " gives other bytes";
        }
        Buildx.Result mine = buildx.print(runDir, List.of("-f", ours.toString()), env);
        Buildx.Result theirs = buildx.print(runDir, c.bakeArgs(), env);
        if (mine.exitCode() != 0 && theirs.exitCode() != 0) {
          continue;
        }
        if (mine.exitCode() != theirs.exitCode()) {
          return "variables " + state + ": buildx " + (mine.exitCode() == 0 ? "reads our file but refuses the Compose"
              + " files: " + lastLine(theirs.stderr()) : "refuses our file: " + lastLine(mine.stderr()));
        }
        JsonNode a = JSON.readTree(mine.stdout());
        JsonNode b = JSON.readTree(theirs.stdout());
        if (!a.equals(b)) {
          return "variables " + state + ": bake reads " + a + " but the Compose files as " + b;
        }
      }
      return null;
    } finally {
      CaseRunner.delete(tmp);
    }
  }

  private static String generate(Path runDir, Case c, String format, Map<String, String> env) {
    List<String> args = new ArrayList<>(c.args());
    if (!args.contains("--env-defaults")) {
      args.addAll(List.of("--env-defaults", "all"));
    }
    args.addAll(List.of("--format", format));
    InProcess.Run r = InProcess.run(runDir, env, "", args.toArray(new String[0]));
    return r.exitCode() == 0 ? r.stdout() : null;
  }

  private static String lastLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines[lines.length - 1];
  }
}
