package dev.compose2bake.bake;

import static dev.compose2bake.bake.EntitlementsTest.object;
import static dev.compose2bake.bake.EntitlementsTest.project;
import static dev.compose2bake.bake.EntitlementsTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.compose2bake.emit.DocumentBuilder;
import dev.compose2bake.emit.JsonWriter;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.Str;
import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Entitlements} against buildx's own check, without an engine: each case is one target,
 * written as JSON and handed to {@code docker buildx bake -f -} in a folder tree with files outside
 * the working directory. The builder is a "remote" one that points nowhere: buildx checks the
 * entitlements before it connects, and every target has {@code network = "host"}, so buildx always
 * stops at its prompt, "Pass "--allow=..." to grant requested privileges", which lists what it
 * wants. That list must equal ours. One target per case, because with several buildx 0.29.1 lists
 * the paths of only one of them.
 */
class EntitlementsDifferentialTest {
  private static final Pattern PASS = Pattern.compile("Pass \"([^\"]*)\" to grant requested privileges");
  private static final String BUILDER = "c2b-entitlements";

  private static Path root;
  private static Path wd;
  private static Path far;
  private static Path config;
  private static ServerSocketChannel agent;
  private static Map<String, String> env;

  @BeforeAll
  static void tree() throws IOException {
    Buildx buildx = Buildx.require();
    root = Files.createTempDirectory("c2b-ent-diff-").toRealPath();
    far = Files.createTempDirectory("c2b-ent-far-").toRealPath();
    wd = Files.createDirectories(root.resolve("proj"));
    Files.createDirectories(wd.resolve("app"));
    Files.writeString(wd.resolve("app/Dockerfile"), "FROM scratch\n");
    Files.createDirectories(root.resolve("outside/sub"));
    Files.writeString(root.resolve("outside/Dockerfile"), "FROM scratch\n");
    Files.createDirectories(root.resolve("dockerfiles"));
    Files.writeString(root.resolve("dockerfiles/app.Dockerfile"), "FROM scratch\n");
    Files.createDirectories(root.resolve("proj-shared"));
    Files.createDirectories(root.resolve("cache"));
    Files.writeString(root.resolve("secret.txt"), "s\n");
    Files.createSymbolicLink(wd.resolve("link"), Path.of("../outside"));
    // ssh without key files forwards the agent: buildx wants a socket before it checks entitlements
    agent = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    agent.bind(UnixDomainSocketAddress.of(root.resolve("agent.sock")));
    // a DOCKER_CONFIG of our own, with the same plugins, for the builder that points nowhere
    config = Files.createDirectories(root.resolve("docker-config"));
    if (buildx.dockerConfig() != null && Files.isDirectory(Path.of(buildx.dockerConfig(), "cli-plugins"))) {
      Files.createSymbolicLink(config.resolve("cli-plugins"), Path.of(buildx.dockerConfig(), "cli-plugins"));
    }
    env = buildx.environment(Map.of("DOCKER_CONFIG", config.toString(), "SSH_AUTH_SOCK",
        root.resolve("agent.sock").toString(), "PWD", wd.toString()));
    Result created = run(List.of("docker", "buildx", "create", "--name", BUILDER, "--driver", "remote",
        "tcp://127.0.0.1:1"), null);
    assertEquals(0, created.code, "cannot create the remote builder: " + created.output);
  }

  @AfterAll
  static void clean() throws IOException {
    if (agent != null) {
      agent.close();
    }
    if (root != null) {
      CaseRunner.delete(root);
      CaseRunner.delete(far);
    }
  }

  private record Result(int code, String output) {}

  private static Result run(List<String> cmd, String stdin) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(wd.toFile()).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(env);
    Path in = root.resolve("stdin.json");
    Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
    pb.redirectInput(in.toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return new Result(p.exitValue(), out);
  }

  /** What buildx asks for, as --allow values. */
  private static List<String> asked(BakeProject project) throws IOException {
    String json = new JsonWriter().write(DocumentBuilder.resolved().build(project, List.of()));
    Result r = run(List.of("docker", "buildx", "bake", "--builder", BUILDER, "-f", "-"), json);
    Matcher m = PASS.matcher(r.output);
    assertNotNull(m.find() ? m : null, "buildx did not ask for entitlements:\n" + r.output);
    List<String> out = new ArrayList<>();
    for (String flag : Arrays.asList(m.group(1).split(" "))) {
      out.add(flag.substring("--allow=".length()));
    }
    return out;
  }

  private static void same(java.util.function.Consumer<dev.compose2bake.model.BakeTarget.Builder> setup)
      throws IOException {
    BakeProject p = project(target("t", t -> {
      setup.accept(t);
      t.network = Str.of("host");
    }));
    assertEquals(asked(p), Entitlements.required(p, wd, PathResolver.FILE_SYSTEM));
  }

  @Test
  void contexts() throws IOException {
    same(t -> t.context = Str.of("../outside"));
    same(t -> t.context = Str.of("link"));
    same(t -> t.context = Str.of(far.toString()));
    same(t -> {
      t.context = Str.of("app");
      t.contexts.put("sub", Str.of("../outside/sub"));
      t.contexts.put("all", Str.of("../outside"));
      t.contexts.put("alpine", Str.of("docker-image://alpine:3.20"));
      t.contexts.put("git", Str.of("https://github.com/docker/buildx.git"));
      t.contexts.put("layout", Str.of("oci-layout://../layout"));
      t.contexts.put("cache", Str.of("cwd://../cache"));
    });
  }

  @Test
  void dockerfiles() throws IOException {
    same(t -> {
      t.context = Str.of("app");
      t.dockerfile = Str.of("../../dockerfiles/app.Dockerfile");
    });
    same(t -> {
      t.context = Str.of("app");
      t.dockerfile = Str.of("cwd://../dockerfiles/app.Dockerfile");
    });
    same(t -> {
      t.context = Str.of("../outside");
      t.dockerfileInline = Str.of("FROM scratch");
    });
  }

  @Test
  void filesCachesOutputsAndSsh() throws IOException {
    same(t -> t.secrets = List.of(object("id", "a", "src", "../secret.txt"), object("id", "b", "env", "HOME")));
    same(t -> t.ssh = List.of(object("id", "default")));
    same(t -> {
      t.cacheFrom = List.of(object("type", "local", "src", "../cache"));
      t.cacheTo = List.of(object("type", "local", "dest", "../cache"));
    });
    same(t -> t.outputs = List.of(object("type", "local", "dest", "../out/new"), object("type", "tar", "dest", "-")));
    same(t -> t.outputs = List.of(object("type", "oci", "dest", "../cache/o.tar")));
  }

  @Test
  void entitlementsOfTheTarget() throws IOException {
    same(t -> t.entitlements = List.of(Str.of("security.insecure"), Str.of("device"), Str.of("unknown")));
  }

  /** A deliberate difference: buildx 0.29.1 compares by string prefix and misses this one. */
  @Test
  void siblingWithTheSamePrefix() throws IOException {
    BakeProject p = project(target("t", t -> {
      t.context = Str.of("../proj-shared");
      t.network = Str.of("host");
    }));
    List<String> ours = Entitlements.required(p, wd, PathResolver.FILE_SYSTEM);
    assertEquals(List.of("network.host", "fs.read=../proj-shared"), ours);
    List<String> theirs = asked(p);
    if (!theirs.equals(ours)) {
      assertEquals(List.of("network.host"), theirs, "buildx changed how it compares paths");
    }
  }
}
