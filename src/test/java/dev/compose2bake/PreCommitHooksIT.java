package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.compose2bake.support.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hooks of {@code .pre-commit-hooks.yaml}, run by the real pre-commit as a user runs them: the
 * hook repository (the hooks file, the launcher, the pom and the sources, committed to a git
 * repository of its own, as a clone of ours has them) is cloned by {@code pre-commit try-repo}
 * into pre-commit's cache, where the launcher builds the jar on first use. A user's project then
 * goes through the cycle a team sees: the file is generated, an unchanged project passes, a changed
 * Compose file stops the commit with the file regenerated, and the check hook fails on drift with a
 * diff and touches nothing. Needs pre-commit, git and Maven; skips without them (fails in CI).
 */
class PreCommitHooksIT {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir
  static Path shared;

  private static Path hooks;
  private static Map<String, String> env;

  @TempDir
  Path project;

  @BeforeAll
  static void hookRepository() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("pre-commit", "git", "mvn")) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    if (!missing.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("pre-commit hook tests need " + missing + " in CI (scripts/test.sh installs pre-commit)");
      }
      Assumptions.abort("no " + String.join(", ", missing) + " on PATH: the pre-commit hook tests skip");
    }
    env = new HashMap<>();
    for (String name : List.of("PATH", "JAVA_HOME", "LANG", "MAVEN_OPTS")) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    // Maven's local repository stays the user's; pre-commit's cache and git's identity are the test's.
    env.put("HOME", System.getProperty("user.home"));
    env.put("PRE_COMMIT_HOME", shared.resolve("pre-commit-cache").toString());
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "test");
    env.put("GIT_AUTHOR_EMAIL", "test@example.com");
    env.put("GIT_COMMITTER_NAME", "test");
    env.put("GIT_COMMITTER_EMAIL", "test@example.com");
    env.put("COMPOSE2BAKE_CACHE", "off");

    hooks = shared.resolve("hooks");
    copy(ROOT.resolve(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
    copy(ROOT.resolve("pom.xml"), hooks.resolve("pom.xml"));
    copyTree(ROOT.resolve("bin"), hooks.resolve("bin"));
    copyTree(ROOT.resolve("src/main"), hooks.resolve("src/main"));
    git(hooks, "init", "-q");
    git(hooks, "add", "-A");
    git(hooks, "commit", "-q", "-m", "hooks");
  }

  @Test
  void theRegenerateHookWritesTheFileAndStopsACommitWhoseComposeChangeItMisses() throws Exception {
    userProject();
    Result first = hook("compose2bake", "--all-files");
    assertEquals(0, first.exit(), first.output());
    Path bake = project.resolve("docker-bake.hcl");
    assertTrue(Files.exists(bake), "the hook did not write docker-bake.hcl:\n" + first.output());
    assertEquals(expected(), Files.readString(bake), "the hook's file differs from compose2bake -o docker-bake.hcl");

    git(project, "add", "-A");
    Result unchanged = hook("compose2bake", "--all-files");
    assertEquals(0, unchanged.exit(), unchanged.output());
    assertTrue(unchanged.output().contains("Passed"), unchanged.output());

    addService();
    git(project, "add", "-A");
    Result changed = hook("compose2bake", "--all-files");
    assertEquals(1, changed.exit(), changed.output());
    assertTrue(changed.output().contains("files were modified by this hook"), changed.output());
    assertTrue(Files.readString(bake).contains("target \"worker\""), Files.readString(bake));
    assertEquals(expected(), Files.readString(bake));
  }

  @Test
  void theCheckHookFailsOnDriftWithADiffAndWritesNothing() throws Exception {
    userProject();
    assertEquals(0, InProcess.run(project, Map.of(), "", "-o", "docker-bake.hcl").exitCode());
    git(project, "add", "-A");
    Result clean = hook("compose2bake-check", "--all-files");
    assertEquals(0, clean.exit(), clean.output());
    assertTrue(clean.output().contains("Passed"), clean.output());

    byte[] before = Files.readAllBytes(project.resolve("docker-bake.hcl"));
    addService();
    git(project, "add", "-A");
    Result drift = hook("compose2bake-check", "--all-files");
    assertNotEquals(0, drift.exit(), drift.output());
    assertTrue(drift.output().contains("+target \"worker\" {"), "no diff in the hook's output:\n" + drift.output());
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(project.resolve("docker-bake.hcl")),
        "the check hook changed the file");
  }

  @Test
  void theHooksRunForComposeFilesAndTheBakeFileAndNotForOtherFiles() throws Exception {
    userProject();
    Files.writeString(project.resolve("README.md"), "notes\n");
    Files.createDirectories(project.resolve("deploy"));
    Files.writeString(project.resolve("deploy/docker-compose.prod.yml"), "services: {}\n");
    git(project, "add", "-A");
    Result other = hook("compose2bake", "--files", "README.md");
    assertEquals(0, other.exit(), other.output());
    assertTrue(other.output().contains("Skipped"), other.output());
    assertFalse(Files.exists(project.resolve("docker-bake.hcl")), "the hook ran for README.md");
    for (String file : List.of("compose.yaml", "deploy/docker-compose.prod.yml", ".env")) {
      Files.deleteIfExists(project.resolve("docker-bake.hcl"));
      Files.writeString(project.resolve(".env"), "TAG=1\n");
      Result r = hook("compose2bake", "--files", file);
      assertEquals(0, r.exit(), file + ":\n" + r.output());
      assertTrue(Files.exists(project.resolve("docker-bake.hcl")), "the hook did not run for " + file + ":\n"
          + r.output());
    }
  }

  private void userProject() throws Exception {
    Files.writeString(project.resolve("compose.yaml"), """
        services:
          web:
            image: example/web:${TAG:-dev}
            build:
              context: .
              args:
                VERSION: "1.0"
        """);
    Files.writeString(project.resolve("Dockerfile"), "FROM scratch\n");
    git(project, "init", "-q");
    git(project, "add", "-A");
  }

  private void addService() throws IOException {
    Files.writeString(project.resolve("compose.yaml"), """
          worker:
            build:
              context: .
              additional_contexts:
                web: service:web
        """, StandardOpenOption.APPEND);
  }

  /** What compose2bake itself writes for the project, run in-process with the hook's arguments. */
  private String expected() throws IOException {
    Path copy = Files.createTempDirectory(shared, "expected");
    copyTree(project, copy);
    Files.deleteIfExists(copy.resolve("docker-bake.hcl"));
    InProcess.Run r = InProcess.run(copy, Map.of(), "", "-o", "docker-bake.hcl");
    assertEquals(0, r.exitCode(), r.stderr());
    return Files.readString(copy.resolve("docker-bake.hcl"));
  }

  private record Result(int exit, String output) {}

  private Result hook(String id, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("pre-commit", "try-repo", hooks.toString(), id, "--color",
        "never"));
    command.addAll(List.of(args));
    return run(project, command, 600);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Result r = run(dir, command, 120);
    assertEquals(0, r.exit(), String.join(" ", command) + ":\n" + r.output());
  }

  private static Result run(Path dir, List<String> command, int seconds) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command + " did not finish in " + seconds + " s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path relative = from.relativize(p);
        if (relative.startsWith(".git")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          copy(p, target);
        }
      }
    }
  }
}
