package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.GoldenCase;
import dev.compose2bake.support.InProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Same input, same bytes: every golden case that converts is written with {@code -o} into the same
 * output folder from three working directories (the project, its parent, the output folder) and
 * in both formats; the files must be identical, whatever the working directory.
 */
class DeterminismTest {
  private static final Set<String> PATH_OPTIONS = Set.of("-f", "--file", "--env-file", "--project-directory");

  @TestFactory
  Stream<DynamicTest> sameBytesFromAnyWorkingDirectory() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (GoldenCase c : GoldenCase.all(Path.of("testdata"))) {
      if (c.refused() || c.args().contains("-") || !c.cwd().equals(".")) {
        continue;
      }
      for (String ext : List.of("hcl", "json")) {
        tests.add(DynamicTest.dynamicTest(c.name() + " [" + ext + "]", () -> check(c, ext)));
      }
    }
    return tests.stream();
  }

  private static void check(GoldenCase c, String ext) throws Exception {
    Path tmp = Files.createTempDirectory("c2b-det-");
    try {
      Path project = tmp.resolve("p");
      GoldenCase.copy(c.dir(), project);
      Path out = tmp.resolve("out");
      Files.createDirectories(out);
      Map<String, String> env = c.env();
      String first = convert(project, project, out, c, ext, env);
      String second = convert(tmp, project, out, c, ext, env);
      String third = convert(out, project, out, c, ext, env);
      assertEquals(first, second, "from the project's parent folder");
      assertEquals(first, third, "from the output folder");
    } finally {
      CaseRunner.delete(tmp);
    }
  }

  /** Runs from {@code cwd}, with the case's paths rewritten to point at {@code project}. */
  private static String convert(Path cwd, Path project, Path out, GoldenCase c, String ext, Map<String, String> env)
      throws Exception {
    List<String> args = new ArrayList<>();
    List<String> given = c.args();
    for (int i = 0; i < given.size(); i++) {
      String a = given.get(i);
      args.add(a);
      if (PATH_OPTIONS.contains(a) && i + 1 < given.size()) {
        args.add(cwd.relativize(project.resolve(given.get(++i))).toString());
      }
    }
    if (!given.contains("-f")) {
      args.add("--project-directory");
      args.add(cwd.relativize(project).toString().isEmpty() ? "." : cwd.relativize(project).toString());
    }
    Path target = out.resolve("docker-bake." + ext);
    Files.deleteIfExists(target);
    args.add("-o");
    args.add(cwd.relativize(target).toString());
    InProcess.Run r = InProcess.run(cwd, env, "", args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), r.stderr());
    return Files.readString(target);
  }
}
