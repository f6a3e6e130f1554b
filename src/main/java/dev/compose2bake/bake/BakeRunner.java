package dev.compose2bake.bake;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code docker buildx bake -f -} as a child process: an argument list, never a shell; the
 * definition written to its standard input from memory (no file is left behind); its progress
 * straight to our terminal (or, for tests, copied to the given streams); its exit code returned.
 *
 * <p>Stopping. Ctrl-C in a terminal reaches the whole foreground process group, so buildx gets its
 * SIGINT and cancels the build itself. The JVM then runs its shutdown hooks, and the one installed
 * here also covers a SIGTERM sent to compose2bake alone (a CI timeout, {@code kill}): it sends
 * SIGTERM to the docker client and to buildx below it (the docker client alone does not pass a
 * signal on to a plugin when its output is a terminal), waits for them to end, and kills what is
 * left after {@link #STOP_GRACE_SECONDS}. compose2bake exits only after buildx, so the prompt
 * comes back after buildx's last words.
 */
public final class BakeRunner {
  static final long STOP_GRACE_SECONDS = 10;
  private static final long CHECK_TIMEOUT_SECONDS = 60;

  private final Path cwd;
  private final Map<String, String> env;
  private final boolean inherit;
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param cwd where buildx runs: the folder the definition's paths are relative to
   * @param env buildx's whole environment ({@code PWD} is set to {@code cwd})
   * @param inherit true when {@code out} and {@code err} are this process's own standard streams,
   *     which buildx then writes to directly (so that it sees the terminal)
   */
  public BakeRunner(Path cwd, Map<String, String> env, boolean inherit, PrintStream out, PrintStream err) {
    this.cwd = cwd;
    this.env = env;
    this.inherit = inherit;
    this.out = out;
    this.err = err;
  }

  /** The docker client or its buildx plugin cannot be run; the message says how to install it. */
  public static final class ToolMissing extends Exception {
    private static final long serialVersionUID = 1L;
    private final String hint;

    ToolMissing(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    public String hint() {
      return hint;
    }
  }

  /** Checks for docker and buildx, runs the invocation and returns buildx's exit code. */
  public int run(BakeInvocation invocation) throws ToolMissing, IOException {
    Path docker = findDocker();
    checkBuildx(docker);
    List<String> cmd = new ArrayList<>();
    cmd.add(docker.toString());
    cmd.addAll(invocation.arguments());
    ProcessBuilder pb = processBuilder(cmd);
    if (inherit) {
      pb.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
    Process p = pb.start();
    Thread hook = new Thread(() -> stop(p), "compose2bake-stop-buildx");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      List<Thread> pumps = new ArrayList<>();
      if (!inherit) {
        pumps.add(pump(p.getInputStream(), out));
        pumps.add(pump(p.getErrorStream(), err));
      }
      try (OutputStream stdin = p.getOutputStream()) {
        stdin.write(invocation.definition().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // buildx stopped reading (it failed early): its exit code and message say why.
      }
      int code = p.waitFor();
      for (Thread t : pumps) {
        t.join();
      }
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(p);
      return 130;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it stops buildx
      }
    }
  }

  /** The docker client on PATH. */
  Path findDocker() throws ToolMissing {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator, -1)) {
      Path candidate = (dir.isEmpty() ? cwd : cwd.resolve(dir)).resolve("docker");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new ToolMissing("the docker client is not on PATH, and compose2bake build runs docker buildx bake",
        "install the Docker CLI and its buildx plugin (Debian and Ubuntu: apt-get install docker.io"
            + " docker-buildx; Docker's own packages: docker-ce-cli docker-buildx-plugin;"
            + " https://docs.docker.com/engine/install/), or put docker on PATH");
  }

  /** {@code docker buildx version} must answer: the plugin is found where the client looks. */
  private void checkBuildx(Path docker) throws ToolMissing, IOException {
    ProcessBuilder pb = processBuilder(List.of(docker.toString(), "buildx", "version"))
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    String said;
    try (InputStream in = p.getInputStream()) {
      said = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    int code;
    try {
      if (!p.waitFor(CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ToolMissing("docker buildx version did not answer in " + CHECK_TIMEOUT_SECONDS + " s", null);
      }
      code = p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted", e);
    }
    if (code != 0) {
      String first = said.isEmpty() ? "exit status " + code : said.lines().findFirst().orElse("");
      throw new ToolMissing("the docker buildx plugin is missing: docker buildx version says \"" + first + "\"",
          "install it (Debian and Ubuntu: apt-get install docker-buildx; Docker's own packages:"
              + " docker-buildx-plugin; https://github.com/docker/buildx#installing), or point DOCKER_CONFIG at"
              + " a folder whose cli-plugins/ holds docker-buildx (in this project: scripts/install-tools.sh"
              + " installs it, then export DOCKER_CONFIG=.tools/docker-config)");
    }
  }

  private ProcessBuilder processBuilder(List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    // Go's os.Getwd trusts PWD when it names the same folder; keep it from naming another one.
    pb.environment().put("PWD", cwd.toString());
    return pb;
  }

  /** SIGTERM to the docker client and everything below it; SIGKILL to what outlives the grace time. */
  static void stop(Process p) {
    if (!p.isAlive()) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>();
    all.add(p.toHandle());
    p.descendants().forEach(all::add);
    for (ProcessHandle h : all) {
      h.destroy();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        break; // the grace time is over: SIGKILL below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ProcessHandle h : all) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
  }

  private static Thread pump(InputStream from, PrintStream to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (InputStream in = from) {
        int n;
        while ((n = in.read(buf)) > 0) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // the process is gone
      }
    }, "compose2bake-buildx-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
