package dev.compose2bake.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference tool: {@code docker buildx bake --print}, found through the project's own tool
 * folder ({@code .tools/docker-config}, written by scripts/install-tools.sh) or the user's docker
 * set-up. Tests that need it call {@link #require()}: it skips with a one-line reason when buildx
 * is absent, and fails instead when {@code CI=true}.
 */
public final class Buildx {
  private static volatile Buildx instance;
  private static volatile String missingReason;

  private final String dockerConfig;
  private final String version;

  private Buildx(String dockerConfig, String version) {
    this.dockerConfig = dockerConfig;
    this.version = version;
  }

  public static Buildx require() {
    Buildx b = find();
    if (b == null) {
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail("docker buildx is required in CI: " + missingReason);
      }
      Assumptions.abort("docker buildx not available (" + missingReason + "); run scripts/install-tools.sh");
    }
    return b;
  }

  public static synchronized Buildx find() {
    if (instance != null || missingReason != null) {
      return instance;
    }
    String config = System.getenv("DOCKER_CONFIG");
    Path local = Path.of(".tools", "docker-config").toAbsolutePath();
    if (Files.isDirectory(local.resolve("cli-plugins"))) {
      config = local.toString();
    }
    Map<String, String> env = baseEnv(config);
    try {
      Result r = run(List.of("docker", "buildx", "version"), Path.of("."), env, 60);
      if (r.exitCode() != 0) {
        missingReason = "docker buildx version failed: " + r.stderr().strip();
        return null;
      }
      instance = new Buildx(config, r.stdout().strip());
      System.out.println("[buildx] " + instance.version);
      return instance;
    } catch (IOException e) {
      missingReason = "no docker client on PATH";
      return null;
    }
  }

  public String version() {
    return version;
  }

  /** The DOCKER_CONFIG folder that holds the buildx plugin, or null for the user's own set-up. */
  public String dockerConfig() {
    return dockerConfig;
  }

  /** The environment a case runs with: PATH, HOME, DOCKER_CONFIG and the given variables. */
  public Map<String, String> environment(Map<String, String> extra) {
    Map<String, String> env = baseEnv(dockerConfig);
    env.putAll(extra);
    return env;
  }

  /** Runs {@code docker buildx bake ARGS --print} in {@code dir}. */
  public Result print(Path dir, List<String> args, Map<String, String> env) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("docker", "buildx", "bake"));
    cmd.addAll(args);
    cmd.add("--print");
    return run(cmd, dir, env, 120);
  }

  private static Map<String, String> baseEnv(String dockerConfig) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
    env.put("HOME", System.getenv().getOrDefault("HOME", "/root"));
    if (dockerConfig != null) {
      env.put("DOCKER_CONFIG", dockerConfig);
    }
    return env;
  }

  /** The outcome of a process. */
  public record Result(int exitCode, String stdout, String stderr) {}

  public static Result run(List<String> cmd, Path dir, Map<String, String> env, int timeoutSeconds) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile("c2b-out", ".txt");
    Path err = Files.createTempFile("c2b-err", ".txt");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try {
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          return new Result(-1, "", "timed out after " + timeoutSeconds + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
        throw new IOException("interrupted", e);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
