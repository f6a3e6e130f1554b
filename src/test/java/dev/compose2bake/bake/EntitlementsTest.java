package dev.compose2bake.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.compose2bake.model.BakeGroup;
import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.support.CaseRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The entitlements {@code build} grants, one rule at a time: lexically (no files needed) for the
 * rules about which paths count, and on a real folder tree for links and paths that do not exist
 * yet. EntitlementsDifferentialTest checks the same rules against buildx itself.
 */
class EntitlementsTest {
  private static final Path WD = Path.of("/work/proj");

  /** One target "t" in the default group, set up by {@code setup}; entitlements with the lexical resolver. */
  private static List<String> of(Consumer<BakeTarget.Builder> setup) {
    return Entitlements.required(project(target("t", setup)), WD, PathResolver.LEXICAL);
  }

  static BakeTarget target(String name, Consumer<BakeTarget.Builder> setup) {
    BakeTarget.Builder b = new BakeTarget.Builder();
    b.name = name;
    setup.accept(b);
    return b.build();
  }

  static BakeProject project(BakeTarget... targets) {
    List<String> names = new ArrayList<>();
    for (BakeTarget t : targets) {
      names.add(t.name());
    }
    return new BakeProject(List.of(new BakeGroup("default", null, names)), Arrays.asList(targets), List.of(),
        List.of());
  }

  static BakeObject object(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return BakeObject.ofStrings(m);
  }

  @Test
  void nothingInsideTheWorkingDirectory() {
    assertEquals(List.of(), of(t -> {
      t.context = Str.of("app");
      t.dockerfile = Str.of("../docker/app.Dockerfile"); // app/../docker: still inside
      t.contexts.put("lib", Str.of("./lib"));
    }));
    assertEquals(List.of(), of(t -> { })); // context ".", Dockerfile "Dockerfile"
  }

  @Test
  void contextOutside() {
    assertEquals(List.of("fs.read=../shared"), of(t -> t.context = Str.of("../shared")));
    assertEquals(List.of("fs.read=../shared"), of(t -> t.context = Str.of("cwd://../shared/./")));
  }

  @Test
  void dockerfileIsRelativeToTheContext() {
    assertEquals(List.of("fs.read=../dockerfiles/app.Dockerfile"), of(t -> {
      t.context = Str.of("app");
      t.dockerfile = Str.of("../../dockerfiles/app.Dockerfile");
    }));
    // cwd:// makes it relative to the working directory instead
    assertEquals(List.of("fs.read=../x/Dockerfile"), of(t -> {
      t.context = Str.of("app");
      t.dockerfile = Str.of("cwd://../x/Dockerfile");
    }));
    // an absolute Dockerfile is taken as it is; one level up is written relative
    assertEquals(List.of("fs.read=../x/Dockerfile"), of(t -> t.dockerfile = Str.of("/work/x/Dockerfile")));
    // a Dockerfile inside an outside context is covered by the context
    assertEquals(List.of("fs.read=../shared"), of(t -> {
      t.context = Str.of("../shared");
      t.dockerfile = Str.of("sub/Dockerfile");
    }));
    // buildx joins a relative Dockerfile to a remote context only when the context is local
    assertEquals(List.of("fs.read=../x/Dockerfile"), of(t -> {
      t.context = Str.of("https://github.com/example/repo.git");
      t.dockerfile = Str.of("../x/Dockerfile");
    }));
  }

  @Test
  void namedContexts() {
    assertEquals(List.of("fs.read=../lib", "fs.read=../more"), of(t -> {
      t.contexts.put("base", Str.of("target:base"));
      t.contexts.put("alpine", Str.of("docker-image://alpine:3.20"));
      t.contexts.put("git", Str.of("https://github.com/example/repo.git#main"));
      t.contexts.put("scp", Str.of("git@github.com:example/repo.git"));
      t.contexts.put("gh", Str.of("github.com/example/repo"));
      t.contexts.put("layout", Str.of("oci-layout://../layout:latest"));
      t.contexts.put("lib", Str.of("../lib"));
      t.contexts.put("more", Str.of("cwd://../more"));
    }));
  }

  @Test
  void aPathUnderAnotherIsCoveredByIt() {
    assertEquals(List.of("fs.read=../a"), of(t -> {
      t.context = Str.of("../a/b/c");
      t.contexts.put("x", Str.of("../a"));
      t.contexts.put("y", Str.of("../a/b"));
    }));
    // but a sibling whose name starts the same is not (buildx 0.29.1 compares strings here)
    assertEquals(List.of("fs.read=../a", "fs.read=../ab"), of(t -> {
      t.context = Str.of("../ab");
      t.contexts.put("x", Str.of("../a"));
    }));
  }

  @Test
  void aSiblingOfTheWorkingDirectoryWithTheSamePrefixIsOutside() {
    assertEquals(List.of("fs.read=../proj-shared"), of(t -> t.context = Str.of("../proj-shared")));
  }

  @Test
  void twoLevelsUpIsAbsolute() {
    assertEquals(List.of("fs.read=/srv/ctx", "fs.read=/x/y"), of(t -> {
      t.context = Str.of("../../x/y");
      t.contexts.put("abs", Str.of("/srv/ctx"));
    }));
  }

  @Test
  void secretsSshCacheAndOutputs() {
    assertEquals(List.of("fs.read=../secret.txt"), of(t -> t.secrets = List.of(object("id", "a", "src",
        "../secret.txt"), object("id", "b", "env", "TOKEN"))));
    assertEquals(List.of("ssh", "fs.read=../keys/id"), of(t -> t.ssh = List.of(object("id", "default"),
        new BakeObject(Map.of("id", Str.of("k"), "paths", List.of(Str.of("../keys/id")))))));
    assertEquals(List.of("fs.read=../cache"), of(t -> t.cacheFrom = List.of(object("type", "local", "src",
        "../cache"), object("type", "registry", "ref", "r/x"))));
    assertEquals(List.of("fs.write=../cache"), of(t -> t.cacheTo = List.of(object("type", "local", "dest",
        "../cache"))));
    assertEquals(List.of("fs=../cache"), of(t -> {
      t.cacheFrom = List.of(object("type", "local", "src", "../cache"));
      t.cacheTo = List.of(object("type", "local", "dest", "../cache"));
    }));
    assertEquals(List.of("fs.write=../o.tar", "fs.write=../out"), of(t -> t.outputs = List.of(
        object("type", "local", "dest", "../out"), object("type", "tar", "dest", "-"),
        object("type", "oci", "dest", "../o.tar"), object("type", "image", "name", "x"))));
  }

  @Test
  void networkHostPrivilegedAndDevices() {
    assertEquals(List.of("network.host"), of(t -> t.network = Str.of("host")));
    assertEquals(List.of(), of(t -> t.network = Str.of("none")));
    assertEquals(List.of("network.host", "security.insecure", "device", "device=vendor.com/gpu"), of(t ->
        t.entitlements = List.of(Str.of("security.insecure"), Str.of("device=vendor.com/gpu"), Str.of("image.load"),
            Str.of("device"), Str.of("network.host"), Str.of("unknown"))));
  }

  @Test
  void orderIsFlagsThenSshThenPaths() {
    assertEquals(List.of("network.host", "security.insecure", "ssh", "fs=../c", "fs.read=../a", "fs.read=../b",
        "fs.write=../d"), of(t -> {
          t.context = Str.of("../b");
          t.contexts.put("a", Str.of("../a"));
          t.cacheFrom = List.of(object("type", "local", "src", "../c"));
          t.cacheTo = List.of(object("type", "local", "dest", "../c"));
          t.outputs = List.of(object("type", "local", "dest", "../d"));
          t.ssh = List.of(object("id", "default"));
          t.network = Str.of("host");
          t.entitlements = List.of(Str.of("security.insecure"));
        }));
  }

  @Test
  void onlyTargetsBakeBuildsCount() {
    BakeTarget app = target("app", t -> {
      t.context = Str.of("app");
      t.contexts.put("base", Str.of("target:base"));
    });
    BakeTarget base = target("base", t -> t.context = Str.of("../base"));
    BakeTarget other = target("other", t -> t.context = Str.of("../other"));
    BakeTarget nested = target("nested", t -> t.context = Str.of("../nested"));
    BakeProject p = new BakeProject(List.of(new BakeGroup("default", null, List.of("app", "g")),
        new BakeGroup("g", null, List.of("nested")), new BakeGroup("profile-x", null, List.of("other"))),
        List.of(app, base, nested, other), List.of(), List.of());
    assertEquals(List.of("fs.read=../base", "fs.read=../nested"), Entitlements.required(p, WD, PathResolver.LEXICAL));
  }

  @Test
  void allTargetsTogether() {
    // buildx reports only the paths of the target it checks last; all of them are needed
    BakeProject p = project(target("a", t -> t.context = Str.of("../a")), target("b", t -> t.context = Str.of(
        "../b")));
    assertEquals(List.of("fs.read=../a", "fs.read=../b"), Entitlements.required(p, WD, PathResolver.LEXICAL));
  }

  /** Rules that need files: links and paths that do not exist yet. */
  @Nested
  class OnDisk {
    private Path root;
    private Path wd;

    @BeforeEach
    void tree() throws IOException {
      root = Files.createTempDirectory("c2b-ent-").toRealPath();
      wd = Files.createDirectories(root.resolve("proj"));
      Files.createDirectories(root.resolve("outside/sub"));
      Files.createDirectories(root.resolve("out"));
      Files.createSymbolicLink(wd.resolve("link"), Path.of("../outside"));
      Files.createSymbolicLink(wd.resolve("inside"), Path.of("."));
    }

    @AfterEach
    void clean() throws IOException {
      CaseRunner.delete(root);
    }

    private List<String> of(Consumer<BakeTarget.Builder> setup) {
      return Entitlements.required(project(target("t", setup)), wd, PathResolver.FILE_SYSTEM);
    }

    @Test
    void linksAreFollowed() {
      assertEquals(List.of("fs.read=../outside"), of(t -> t.context = Str.of("link")));
      assertEquals(List.of("fs.read=../outside/sub"), of(t -> t.context = Str.of("link/sub")));
      assertEquals(List.of(), of(t -> t.context = Str.of("inside/inside")));
    }

    @Test
    void aPathThatDoesNotExistIsAskedForByItsExistingPart() {
      assertEquals(List.of("fs.write=../out"), of(t -> t.outputs = List.of(object("type", "local", "dest",
          "../out/new/dir"))));
      assertEquals(List.of("fs.write=.."), of(t -> t.outputs = List.of(object("type", "local", "dest",
          "../missing/dir"))));
    }

    @Test
    void theWorkingDirectoryThroughALink() throws IOException {
      Path alias = Files.createSymbolicLink(root.resolve("alias"), Path.of("proj"));
      assertEquals(List.of("fs.read=../outside"), Entitlements.required(project(target("t", t -> t.context =
          Str.of("../outside"))), alias, PathResolver.FILE_SYSTEM));
    }
  }
}
