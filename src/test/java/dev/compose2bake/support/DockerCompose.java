package dev.compose2bake.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code docker compose config --format json} under a controlled environment, for differential tests.
 * Uses {@code $DOCKER_CONFIG/cli-plugins/docker-compose} directly when it exists, else {@code docker compose}.
 */
public final class DockerCompose {

  private static final String UNAVAILABLE =
      "docker compose is not available (set DOCKER_CONFIG to a folder with cli-plugins/docker-compose)";

  private static DockerCompose instance;
  private static boolean probed;

  private final List<String> command;
  private final Map<String, String> baseEnvironment;

  private DockerCompose(List<String> command, Map<String, String> baseEnvironment) {
    this.command = command;
    this.baseEnvironment = baseEnvironment;
  }

  /** The finished process: exit code and output. */
  public record Result(int exitCode, String stdout, String stderr) {
  }

  /**
   * Returns a runner, or aborts the calling test with a one-line reason when compose is missing; with the
   * environment variable CI=true, a missing compose fails the test instead.
   */
  public static synchronized DockerCompose require() {
    if (!probed) {
      probed = true;
      instance = probe();
    }
    if (instance == null) {
      if ("true".equals(System.getenv("CI"))) {
        fail(UNAVAILABLE + ", and CI=true requires it");
      }
      Assumptions.abort(UNAVAILABLE);
    }
    return instance;
  }

  private static DockerCompose probe() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : List.of("PATH", "HOME", "DOCKER_CONFIG")) {
      if (System.getenv(name) != null) {
        env.put(name, System.getenv(name));
      }
    }
    Path local = Path.of(".tools", "docker-config").toAbsolutePath();
    if (Files.isDirectory(local.resolve("cli-plugins"))) {
      env.put("DOCKER_CONFIG", local.toString());
    }
    List<List<String>> candidates = new ArrayList<>();
    if (env.containsKey("DOCKER_CONFIG")) {
      Path plugin = Path.of(env.get("DOCKER_CONFIG"), "cli-plugins", "docker-compose");
      if (Files.isExecutable(plugin)) {
        candidates.add(List.of(plugin.toString()));
      }
    }
    candidates.add(List.of("docker", "compose"));
    for (List<String> candidate : candidates) {
      DockerCompose compose = new DockerCompose(candidate, Map.copyOf(env));
      try {
        Path dir = Files.createTempDirectory("c2b-probe");
        try {
          if (compose.run(dir, Map.of(), "version").exitCode() == 0) {
            return compose;
          }
        } finally {
          Files.delete(dir);
        }
      } catch (IOException e) {
        // not runnable: try the next candidate
      }
    }
    return null;
  }

  /** The variables every run sees besides the chosen ones (PATH, HOME, DOCKER_CONFIG when set). */
  public Map<String, String> baseEnvironment() {
    return baseEnvironment;
  }

  /** Runs {@code config --format json} on {@code dir/compose.yaml} with only the base and given variables. */
  public Result config(Path dir, Map<String, String> variables) throws IOException {
    return run(dir, variables, "-p", "c2bdiff", "-f", "compose.yaml", "config", "--format", "json");
  }

  private Result run(Path dir, Map<String, String> variables, String... args) throws IOException {
    List<String> commandLine = new ArrayList<>(command);
    commandLine.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(commandLine).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(baseEnvironment);
    builder.environment().putAll(variables);
    Path stdout = Files.createTempFile(dir, "stdout", ".txt");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + commandLine);
      }
      return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + commandLine, e);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** {@code config} prints every '$' of a value doubled; this undoes it. */
  public static String unescape(String printed) {
    return printed.replace("$$", "$");
  }
}
