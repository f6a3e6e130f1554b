package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.GoldenCase;
import dev.compose2bake.support.Guarded;
import dev.compose2bake.support.InProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole bad-input corpus ({@code testdata/error-*}) run as a pre-commit hook would run it: with
 * {@code -o} over an existing output file. Each case must end within the time bound, exit 3 or 4,
 * print no stack trace, show an error that starts with a file name (or {@code error:} for the command line),
 * leave the old output file byte for byte as it was, and leave no temporary file anywhere.
 */
class BadInputCorpusTest {
  static final byte[] OLD_OUTPUT = "# the committed bake file\ntarget \"old\" {}\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void theCorpusHasAtLeastOneHundredCases() throws Exception {
    List<GoldenCase> cases = errorCases();
    System.out.println("BadInputCorpusTest: " + cases.size() + " bad-input cases");
    assertTrue(cases.size() >= 100, "only " + cases.size() + " error-* cases");
  }

  @TestFactory
  Stream<DynamicTest> refusedCleanlyWithTheOldOutputIntact() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (GoldenCase c : errorCases()) {
      tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }
    return tests.stream();
  }

  static List<GoldenCase> errorCases() throws Exception {
    List<GoldenCase> out = new ArrayList<>();
    for (GoldenCase c : GoldenCase.all(Path.of("testdata"))) {
      if (c.name().startsWith("error-")) {
        out.add(c);
      }
    }
    return out;
  }

  private static void check(GoldenCase c) throws Exception {
    Path tmp = Files.createTempDirectory("c2b-bad-");
    try {
      Path work = tmp.resolve(c.name());
      GoldenCase.copy(c.dir(), work);
      Path runDir = work.resolve(c.cwd());
      List<String> args = new ArrayList<>(c.args());
      Path output;
      int o = args.indexOf("-o");
      if (o >= 0) {
        output = runDir.resolve(args.get(o + 1));
      } else {
        output = runDir.resolve("docker-bake.hcl");
        args.add("-o");
        args.add("docker-bake.hcl");
      }
      boolean outputIsFile = !Files.isDirectory(output);
      if (outputIsFile) {
        Files.write(output, OLD_OUTPUT);
      }
      Map<String, String> env = new LinkedHashMap<>(c.env());
      env.putIfAbsent("HOME", "/home/user");
      InProcess.Run r = Guarded.run(runDir, env, c.stdin(), args);
      assertTrue(r.exitCode() == 3 || r.exitCode() == 4, "exit " + r.exitCode() + ": " + r.stderr());
      Guarded.assertNoStackTrace(r);
      String first = r.stderr().lines().findFirst().orElse("");
      assertTrue(first.matches("(\\S[^\\n]*: )?(error|warning): .+"), "the report must start with "
          + "'FILE[:LINE:COL]: error:' (or 'error:' for the command line): " + first);
      assertTrue(r.stderr().lines().anyMatch(l -> l.matches("(\\S[^\\n]*: )?error: .+")), "no error shown: "
          + r.stderr());
      if (outputIsFile) {
        assertArrayEquals(OLD_OUTPUT, Files.readAllBytes(output), "the old output file was changed");
      }
      Guarded.assertNoTemporaryFiles(tmp);
    } finally {
      CaseRunner.delete(tmp);
    }
  }
}
