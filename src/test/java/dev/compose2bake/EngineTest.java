package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.Buildx;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * End to end on a real Docker engine: {@code examples/dependent-images} and every project under
 * {@code testdata/e2e} (a folder with an {@code expect} file, see testdata/e2e/README.md) is built
 * with {@code compose2bake build --load}, in-process, in the project's folder, with its images named
 * {@code c2b-test-<run>-<project>-SERVICE} through {@code C2B_IMAGE_PREFIX}. Then:
 *
 * <ul>
 *   <li>the {@code --allow} entitlements that {@code build} computed (read from {@code --dry-run})
 *       equal the expect file's {@code allow} lines, which scripts/e2e-reference.sh checks against
 *       what buildx itself asks for;
 *   <li>a project with {@code fail} lines must fail with that text and the {@code status} exit code;
 *   <li>every other project must build, and {@code scripts/check-e2e.py check} must find in each
 *       image the files, labels and environment its Dockerfile put there, including those of the
 *       image it was built on ({@code docker save} and {@code docker image inspect}).
 * </ul>
 *
 * The images are removed afterwards. The engine is the one the environment points the docker client
 * at ({@code DOCKER_HOST}; scripts/test.sh starts the project's own with scripts/engine.sh). When no
 * engine answers the tests skip with the reason, except with {@code CI=true}, where they fail.
 */
class EngineTest {
  private static final Path CHECKER = Path.of("scripts", "check-e2e.py").toAbsolutePath();
  private static final String RUN = "c2b-test-" + ProcessHandle.current().pid() + "-";
  private static Map<String, String> env;

  @BeforeAll
  static void engine() throws IOException {
    Buildx buildx = Buildx.require();
    env = new LinkedHashMap<>(System.getenv());
    if (buildx.dockerConfig() != null) {
      env.put("DOCKER_CONFIG", buildx.dockerConfig());
    }
    Buildx.Result info = Buildx.run(List.of("docker", "info", "--format", "{{.ServerVersion}}"), Path.of("."), env,
        60);
    if (info.exitCode() != 0) {
      skipOrFail("no Docker engine answers (" + firstLine(info.stderr() + info.stdout()) + "); scripts/test.sh"
          + " starts the project's own, or: eval \"$(scripts/engine.sh start >/dev/null; scripts/engine.sh env)\"");
    }
    Buildx.Result python = Buildx.run(List.of("python3", "--version"), Path.of("."), env, 60);
    if (python.exitCode() != 0) {
      skipOrFail("python3 is needed for scripts/check-e2e.py");
    }
    System.out.println("[engine] " + info.stdout().strip() + ", " + buildx.version());
  }

  private static void skipOrFail(String reason) {
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail("the engine tests must run in CI: " + reason);
    }
    System.out.println("[engine] EngineTest skipped: " + reason);
    Assumptions.abort(reason);
  }

  @TestFactory
  Stream<DynamicTest> projects() throws IOException {
    List<Path> projects = new ArrayList<>(List.of(Path.of("examples", "dependent-images")));
    try (Stream<Path> files = Files.walk(Path.of("testdata", "e2e"))) {
      files.filter(f -> f.getFileName().toString().equals("expect")).map(Path::getParent).sorted()
          .forEach(projects::add);
    }
    return projects.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> build(p.toAbsolutePath())));
  }

  private static void build(Path project) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    String name = root.relativize(project).toString().replaceFirst("^testdata/e2e/", "").replaceFirst("^examples/",
        "");
    String prefix = RUN + name.replace('/', '-').toLowerCase(Locale.ROOT) + "-";
    Expect expect = Expect.read(project.resolve("expect"));
    Map<String, String> buildEnv = new LinkedHashMap<>(env);
    buildEnv.put("C2B_IMAGE_PREFIX", prefix);
    try {
      InProcess.Run dry = InProcess.run(project, buildEnv, "", "build", "--dry-run", "--load");
      assertEquals(0, dry.exitCode(), dry.stderr());
      assertEquals(sorted(expect.allow), sorted(allowed(dry.stdout())),
          "the --allow entitlements of build --dry-run, against the expect file's allow lines");

      long start = System.nanoTime();
      InProcess.Run run = InProcess.run(project, buildEnv, "", "build", "--load", "--progress=plain");
      System.out.printf(Locale.ROOT, "[engine] %s: compose2bake build exit %d in %.1f s%n", name, run.exitCode(),
          (System.nanoTime() - start) / 1e9);
      String output = run.stdout() + run.stderr();
      if (!expect.fail.isEmpty()) {
        assertNotEquals(0, run.exitCode(), "the build must fail:\n" + tail(output));
        for (String s : expect.status) {
          assertEquals(Integer.parseInt(s), run.exitCode(), "exit code, buildx's:\n" + tail(output));
        }
        for (String text : expect.fail) {
          assertTrue(output.contains(text), "buildx's output lacks \"" + text + "\":\n" + tail(output));
        }
        return;
      }
      assertEquals(0, run.exitCode(), "the build failed:\n" + tail(output));
      Buildx.Result check = Buildx.run(List.of("python3", CHECKER.toString(), "check", project.toString(), prefix),
          root, env, 300);
      System.out.print(check.stdout());
      assertEquals(0, check.exitCode(), check.stdout() + check.stderr());
    } finally {
      removeImages(prefix);
    }
  }

  /** The --allow values on the first line of build --dry-run's output. */
  private static List<String> allowed(String dryRun) {
    String[] words = dryRun.substring(0, dryRun.indexOf('\n')).split(" ");
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < words.length; i++) {
      if (words[i].equals("--allow")) {
        out.add(words[++i]);
      }
    }
    return out;
  }

  private static void removeImages(String prefix) throws IOException {
    Buildx.Result ls = Buildx.run(List.of("docker", "image", "ls", "--format", "{{.Repository}}:{{.Tag}}",
        "--filter", "reference=" + prefix + "*"), Path.of("."), env, 60);
    List<String> images = ls.stdout().lines().filter(l -> !l.isBlank()).toList();
    if (!images.isEmpty()) {
      List<String> rm = new ArrayList<>(List.of("docker", "image", "rm", "-f"));
      rm.addAll(images);
      Buildx.run(rm, Path.of("."), env, 120);
    }
  }

  private static List<String> sorted(List<String> in) {
    return in.stream().sorted().toList();
  }

  private static String tail(String text) {
    List<String> lines = text.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
  }

  private static String firstLine(String s) {
    return s.strip().lines().findFirst().orElse("no output");
  }

  /** The build statements of an expect file (scripts/check-e2e.py checks the image statements). */
  private record Expect(List<String> allow, List<String> fail, List<String> status) {
    static Expect read(Path file) throws IOException {
      Expect e = new Expect(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int space = line.indexOf(' ');
        if (space < 0 || line.startsWith("#")) {
          continue;
        }
        String rest = line.substring(space + 1);
        switch (line.substring(0, space)) {
          case "allow" -> e.allow.add(rest);
          case "fail" -> e.fail.add(rest);
          case "status" -> e.status.add(rest);
          default -> { }
        }
      }
      return e;
    }
  }
}
