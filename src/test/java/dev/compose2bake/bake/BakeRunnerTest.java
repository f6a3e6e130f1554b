package dev.compose2bake.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code compose2bake build} with a fake {@code docker} on PATH (a shell script that records what
 * it was given), so that how buildx is run can be checked without buildx: the arguments, the
 * working directory, the definition on standard input, the output, the exit code, the messages when
 * docker or buildx is missing, and how a signal to compose2bake stops buildx.
 */
class BakeRunnerTest {
  /**
   * The fake client. {@code docker buildx version} answers unless FAKE_NO_BUILDX is set; {@code docker
   * buildx bake} records its arguments, folder and standard input in FAKE_DIR, writes a line to each
   * stream and exits with FAKE_EXIT. With FAKE_HANG it runs a fake buildx below it that runs until a
   * signal, like the real client with a terminal: docker only notes SIGTERM and SIGINT and waits for
   * its plugin. (In the foreground: a shell's background job would ignore SIGINT.)
   */
  private static final String FAKE_DOCKER = """
      #!/bin/sh
      if [ "$1 $2" = "buildx version" ]; then
        if [ -n "$FAKE_NO_BUILDX" ]; then
          echo "docker: unknown command: docker buildx" >&2
          exit 1
        fi
        echo "github.com/docker/buildx v0.0.0-fake"
        exit 0
      fi
      printf '%s\\n' "$@" > "$FAKE_DIR/args"
      pwd > "$FAKE_DIR/cwd"
      cat > "$FAKE_DIR/stdin"
      if [ -n "$FAKE_HANG" ]; then
        trap 'echo docker-TERM >> "$FAKE_DIR/signals"' TERM
        trap 'echo docker-INT >> "$FAKE_DIR/signals"' INT
        echo $$ > "$FAKE_DIR/docker.pid"
        sh -c 'trap "echo buildx-TERM >> \"$FAKE_DIR/signals\"; exit 143" TERM
               trap "echo buildx-INT >> \"$FAKE_DIR/signals\"; exit 130" INT
               echo $$ > "$FAKE_DIR/buildx.pid"
               while :; do sleep 0.1; done'
        exit $?
      fi
      echo "#1 [internal] load local bake definitions" >&2
      echo "result on stdout"
      exit "${FAKE_EXIT:-0}"
      """;

  private Path root;
  private Path project;
  private Path bin;
  private Path record;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory("c2b-runner-").toRealPath();
    project = Files.createDirectories(root.resolve("project"));
    Files.createDirectories(project.resolve("app"));
    Files.createDirectories(root.resolve("shared"));
    Files.writeString(project.resolve("compose.yaml"), """
        services:
          app:
            image: example/app
            build:
              context: app
              additional_contexts:
                shared: ../shared
        """);
    bin = Files.createDirectories(root.resolve("bin"));
    Path docker = bin.resolve("docker");
    Files.writeString(docker, FAKE_DOCKER);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    record = Files.createDirectories(root.resolve("record"));
  }

  @AfterEach
  void tearDown() throws IOException {
    CaseRunner.delete(root);
  }

  private Map<String, String> env(String... extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", bin + ":/usr/bin:/bin");
    env.put("HOME", root.toString());
    env.put("FAKE_DIR", record.toString());
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  private String recorded(String name) throws IOException {
    return Files.readString(record.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void runsBakeWithTheDefinitionOnStandardInput() throws IOException {
    List<String> before = listing(root);
    InProcess.Run dry = InProcess.run(project, env(), "", "build", "--dry-run", "--load");
    InProcess.Run run = InProcess.run(project, env("FAKE_EXIT", "0"), "", "build", "--load");
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("buildx\nbake\n--file\n-\n--allow\nfs.read=../shared\n--load\n", recorded("args"));
    assertEquals(project + "\n", recorded("cwd"));
    String definition = dry.stdout().substring(dry.stdout().indexOf('\n') + 1, dry.stdout().lastIndexOf("EOF\n"));
    assertEquals(definition, recorded("stdin"));
    assertTrue(definition.contains("\"shared\": \"../shared\""), definition);
    assertEquals("result on stdout\n", run.stdout());
    assertEquals("#1 [internal] load local bake definitions\n", run.stderr());
    // nothing written next to the project: the definition never was a file
    Files.delete(record.resolve("args"));
    Files.delete(record.resolve("cwd"));
    Files.delete(record.resolve("stdin"));
    assertEquals(before, listing(root));
  }

  @Test
  void theExitCodeIsBuildxs() {
    InProcess.Run run = InProcess.run(project, env("FAKE_EXIT", "17"), "", "build");
    assertEquals(17, run.exitCode());
  }

  @Test
  void anInvalidProjectRunsNothing() throws IOException {
    Files.writeString(project.resolve("compose.yaml"), "services:\n  app:\n    build: [x]\n");
    InProcess.Run run = InProcess.run(project, env(), "", "build");
    assertEquals(3, run.exitCode());
    assertFalse(Files.exists(record.resolve("args")));
  }

  @Test
  void dockerMissing() {
    InProcess.Run run = InProcess.run(project, Map.of("PATH", root.resolve("nowhere").toString(), "HOME",
        root.toString()), "", "build");
    assertEquals(69, run.exitCode());
    assertTrue(run.stderr().startsWith("error: the docker client is not on PATH"), run.stderr());
    assertTrue(run.stderr().contains("hint: install the Docker CLI and its buildx plugin"), run.stderr());
  }

  @Test
  void buildxMissing() throws IOException {
    InProcess.Run run = InProcess.run(project, env("FAKE_NO_BUILDX", "1"), "", "build");
    assertEquals(69, run.exitCode());
    assertEquals("""
        error: the docker buildx plugin is missing: docker buildx version says "docker: unknown command: \
        docker buildx"
          hint: install it (Debian and Ubuntu: apt-get install docker-buildx; Docker's own packages: \
        docker-buildx-plugin; https://github.com/docker/buildx#installing), or point DOCKER_CONFIG at a folder \
        whose cli-plugins/ holds docker-buildx (in this project: scripts/install-tools.sh installs it, then export \
        DOCKER_CONFIG=.tools/docker-config)
        """, run.stderr());
    assertFalse(Files.exists(record.resolve("args")));
  }

  @Test
  void sigtermToCompose2bakeStopsBuildx() throws Exception {
    Process jvm = startJvm(List.of(), env("FAKE_HANG", "1"));
    try {
      waitFor(record.resolve("buildx.pid"));
      waitFor(record.resolve("docker.pid"));
      jvm.destroy(); // SIGTERM to the JVM alone, as a CI timeout or `kill` would send it
      assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "compose2bake did not exit");
      assertEquals(143, jvm.exitValue());
      assertTrue(recorded("signals").contains("buildx-TERM"), recorded("signals"));
      assertGone("buildx.pid");
      assertGone("docker.pid");
    } finally {
      jvm.destroyForcibly();
    }
  }

  /**
   * Ctrl-C in a terminal: SIGINT to the whole foreground process group. Needs setsid (for a group
   * of its own) and a SIGINT that is not ignored (a background job inherits an ignored one).
   */
  @Test
  void ctrlCStopsBuildxAndCompose2bake() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "no setsid");
    Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (a background job)");
    Process jvm = startJvm(List.of("/usr/bin/setsid"), env("FAKE_HANG", "1"));
    try {
      waitFor(record.resolve("buildx.pid"));
      waitFor(record.resolve("docker.pid"));
      Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + jvm.pid()).inheritIO().start();
      assertEquals(0, kill.waitFor());
      assertTrue(jvm.waitFor(30, TimeUnit.SECONDS), "compose2bake did not exit");
      assertEquals(130, jvm.exitValue());
      assertTrue(recorded("signals").contains("buildx-INT"), recorded("signals"));
      assertGone("buildx.pid");
      assertGone("docker.pid");
    } finally {
      jvm.destroyForcibly();
    }
  }

  private Process startJvm(List<String> prefix, Map<String, String> env) throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.compose2bake.cli.Main");
    cmd.add("build");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile())
        .redirectOutput(root.resolve("jvm.out").toFile()).redirectError(root.resolve("jvm.err").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    return pb.start();
  }

  private static boolean sigintIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
        return (mask & (1L << (2 - 1))) != 0;
      }
    }
    return true;
  }

  private static void waitFor(Path file) throws InterruptedException, IOException {
    for (int i = 0; i < 300; i++) {
      if (Files.exists(file) && !Files.readString(file).isBlank()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(file + " never appeared");
  }

  private void assertGone(String pidFile) throws IOException, InterruptedException {
    long pid = Long.parseLong(recorded(pidFile).strip());
    for (int i = 0; i < 50 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
      Thread.sleep(100);
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), pidFile + " " + pid + " still runs");
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
