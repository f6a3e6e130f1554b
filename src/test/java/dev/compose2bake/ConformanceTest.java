package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.fail;

import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.CorpusCase;
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
 * Every case of ../shared/conformance, converted in-process to HCL and to JSON, read back by the
 * real {@code docker buildx bake --print}, and compared with what buildx makes of the Compose files
 * (or the recorded deliberate difference). {@link #EXPECTED_FAILURES} names the cases that may fail,
 * each with its reason; such a case that passes fails the test, so the list cannot go stale.
 */
class ConformanceTest {

  /** Case name → why it does not pass yet. Nothing else may fail. */
  static final Map<String, String> EXPECTED_FAILURES = Map.of();

  @TestFactory
  Stream<DynamicTest> conformance() throws Exception {
    Path shared = CorpusCase.sharedDir();
    if (shared == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("../shared is missing: CI must provide the conformance corpus beside the project");
      }
      Assumptions.abort("../shared/conformance not found beside the project");
    }
    Buildx buildx = Buildx.require();
    CaseRunner runner = new CaseRunner(buildx);
    List<CorpusCase> cases = CorpusCase.load(shared.resolve("conformance/cases"));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    Map<String, Future<String>> results = new TreeMap<>();
    for (CorpusCase c : cases) {
      if (c.nondeterministic() && !c.mode().isEmpty() && !c.deliberateJson() && c.mode().equals("json")) {
        continue; // buildx itself printed different outputs; only deliberate differences are comparable
      }
      for (String format : List.of("json", "hcl")) {
        results.put(c.name() + " [" + format + "]", pool.submit(() -> runner.run(c, format)));
      }
    }
    pool.shutdown();
    List<DynamicTest> tests = new ArrayList<>();
    int[] counts = new int[2];
    for (Map.Entry<String, Future<String>> e : results.entrySet()) {
      String name = e.getKey();
      String caseName = name.substring(0, name.indexOf(' '));
      String why = e.getValue().get();
      counts[why == null ? 0 : 1]++;
      String expected = EXPECTED_FAILURES.get(caseName);
      tests.add(DynamicTest.dynamicTest(name, () -> {
        if (expected == null && why != null) {
          fail(name + ": " + why);
        }
        if (expected != null && why == null) {
          fail("listed as an expected failure (" + expected + ") but passes: remove it from EXPECTED_FAILURES");
        }
      }));
    }
    System.out.printf("[conformance] buildx %s: %d runs passed, %d failed (%d cases)%n", buildx.version(),
        counts[0], counts[1], cases.size());
    return tests.stream();
  }
}
