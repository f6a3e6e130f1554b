package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoYamlScalar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code docker buildx bake --print} (0.29.x) on generated Compose and bake files and
 * compares its JSON with what the classes of this package compute. Skipped when buildx is not
 * available, except with {@code CI=true}, where that is a failure. The child process gets a cleared
 * environment with only PATH, HOME and DOCKER_CONFIG.
 */
class BuildxDifferentialTest {

  private static String path;
  private static String home;
  private static String dockerConfig;
  private static String unavailable;

  @TempDir
  Path dir;

  @BeforeAll
  static void findBuildx() {
    path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
    dockerConfig = System.getenv("DOCKER_CONFIG");
    if (dockerConfig == null && Files.isDirectory(Path.of("/work/main/.tools/docker-config"))) {
      dockerConfig = "/work/main/.tools/docker-config";
    }
    unavailable = probe();
    if (unavailable != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but buildx is not usable: " + unavailable);
    }
  }

  @BeforeEach
  void requireBuildx() {
    Assumptions.assumeTrue(unavailable == null, () -> "skipped: buildx 0.29 not available (" + unavailable + ")");
  }

  private static String probe() {
    try {
      Result r = exec(Path.of(System.getProperty("java.io.tmpdir")), Map.of(), "docker", "buildx", "version");
      if (r.code != 0) {
        return "docker buildx version exited " + r.code + ": " + r.err.strip();
      }
      if (!r.out.matches("(?s).*\\b0\\.29\\.\\d.*")) {
        return "need buildx 0.29.x, found " + r.out.strip();
      }
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  record Result(int code, String out, String err) {}

  private static Result exec(Path cwd, Map<String, String> extraEnv, String... cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", path);
    env.put("HOME", home);
    if (dockerConfig != null) {
      env.put("DOCKER_CONFIG", dockerConfig);
    }
    env.putAll(extraEnv);
    Path out = Files.createTempFile("bx", ".out");
    Path err = Files.createTempFile("bx", ".err");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timeout: " + String.join(" ", cmd));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private JsonNode print(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    Result r = exec(dir, Map.of(), "docker", "buildx", "bake", "-f", file, "--print");
    assertEquals(0, r.code, () -> "buildx failed:\n" + r.err);
    return Json.parse(r.out).get("target");
  }

  private String printError(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
    Result r = exec(dir, Map.of(), "docker", "buildx", "bake", "-f", file, "--print");
    assertTrue(r.code != 0, () -> "buildx accepted " + content + "\n" + r.out);
    return r.err;
  }

  private static String yamlList(List<String> items, String indent) {
    StringBuilder sb = new StringBuilder();
    for (String s : items) {
      sb.append(indent).append("- ").append(Json.tree(s)).append('\n');
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ YAML scalars

  static final List<String> SCALARS = List.of("3.0", "2.50", "1e-10", "123e4", "0o777", "0b1111", "-0x10", "1_2_3",
      "6.02214076e23", "0.000001", "100000", "1000000", "12345678", ".25", "-.25e2", "TRUE", "Off", "nan", ".NaN",
      "-.inf", "0777", "0x7fffffffffffffff", "0x8000000000000000", "-9223372036854775808", "18446744073709551616",
      "1.0e+3", "9.999999e5", "1e15", "1e16", "123456789012", "0.1e1", "+.1", "1_0.5", "0.30000000000000004",
      "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "4.5e15", "0x1p3", "1e", "0o19", "1.5.6",
      "-", "0.0000123456789", "98765.4321", "2e-7", "777777", "+0.0", "-0", "007", "0xdead_beef", "Yes", "~",
      "NO", "y", "1__", "._1", ".1e5", "2.", "1E-4", "9007199254740993", "0.1234567890123");

  /** The fixed scalars plus seeded random floats and integers in several spellings. */
  static List<String> scalars() {
    List<String> all = new ArrayList<>(SCALARS);
    java.util.Random rnd = new java.util.Random(20260101L);
    for (int i = 0; i < 150; i++) {
      double mant = rnd.nextDouble() * 10;
      int exp = rnd.nextInt(80) - 40;
      switch (i % 5) {
        case 0 -> all.add(Double.toString(mant * Math.pow(10, exp)).replace("E", "e"));
        case 1 -> all.add(String.format(java.util.Locale.ROOT, "%." + (1 + rnd.nextInt(18)) + "f", mant * Math.pow(10, exp % 8)));
        case 2 -> all.add(String.format(java.util.Locale.ROOT, "%." + rnd.nextInt(17) + "e", mant * Math.pow(10, exp * 7)));
        case 3 -> all.add(Long.toString(rnd.nextLong() >> rnd.nextInt(60)));
        default -> all.add(Double.toString(Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL)).replace("E", "e"));
      }
    }
    return all;
  }

  @Test
  void yamlScalarsAsArgs() throws IOException {
    List<String> scalars = scalars();
    StringBuilder y = new StringBuilder("services:\n  app:\n    build:\n      context: .\n      args:\n");
    for (int i = 0; i < scalars.size(); i++) {
      if (scalars.get(i).equals("-")) {
        continue; // not a valid plain map value
      }
      y.append("        K").append(i).append(": ").append(scalars.get(i)).append('\n');
    }
    JsonNode args = print("compose.yaml", y.toString()).get("app").get("args");
    for (int i = 0; i < scalars.size(); i++) {
      String plain = scalars.get(i);
      if (plain.equals("-")) {
        continue;
      }
      Object v = GoYamlScalar.resolve(plain);
      JsonNode got = args.get("K" + i);
      if (v == null) {
        assertNull(got, plain);
      } else {
        assertNotNull(got, plain);
        assertEquals(GoYamlScalar.sprint(v), got.asText(), plain);
      }
    }
  }

  // ------------------------------------------------------------------ one Compose file, many fields

  @Test
  void composeFields() throws IOException {
    Files.writeString(dir.resolve("s.txt"), "secret\n");
    Map<String, String> shm = new LinkedHashMap<>();
    shm.put("shm1", "\"64m\"");
    shm.put("shm2", "\"1.5g\"");
    shm.put("shm3", "1000000");
    shm.put("shm4", "\"123456789\"");
    shm.put("shm5", "\"0\"");
    shm.put("shm6", "\"5 k\"");
    shm.put("shm7", "\"3.7m\"");
    shm.put("shm8", "1023");
    shm.put("shm9", "\"2tb\"");
    List<String> cacheFrom = List.of("user/app:cache", "a,b", "type=local,src=./c", "TYPE=gha,Scope=main", "a");
    List<String> cacheTo = List.of("type=inline", "type=registry,ref=r/x,mode=max");
    List<String> xCacheFrom = List.of("b", "type=local,src=./c", "r/z");
    List<String> xCacheTo = List.of("type=inline", "type=local,dest=./out");
    List<String> xSecret = List.of("id=tok,src=s.txt", "id=x,env=XENV", "id=env2,env=E2", "type=env,id=y,src=YVAR");
    List<String> xOutput = List.of("type=docker", "type=tar", "type=docker", "./outdir", "type=image,name=r/x,push=true");
    List<String> platforms = List.of("linux/amd64", "linux/arm64", "linux/amd64", "Linux/ARM/v7");
    List<String> xPlatforms = List.of("linux/arm64", "linux/s390x");
    List<String> hosts = List.of("h1:1.2.3.4", "h2=::1", "h1=5.6.7.8,[::9]", "gw:host-gateway");

    StringBuilder y = new StringBuilder("services:\n");
    shm.forEach((name, v) -> y.append("  ").append(name).append(":\n    build:\n      context: .\n      shm_size: ")
        .append(v).append('\n'));
    y.append("  ulim:\n    build:\n      context: .\n      ulimits:\n")
        .append("        nofile: {soft: 1024, hard: 2048}\n        memlock: {soft: -1, hard: -1}\n")
        .append("        core: {soft: 0, hard: 0}\n        nproc: {soft: 100, hard: -1}\n");
    y.append("  cache:\n    build:\n      context: .\n      cache_from:\n").append(yamlList(cacheFrom, "        "))
        .append("      cache_to:\n").append(yamlList(cacheTo, "        "))
        .append("      x-bake:\n        cache-from:\n").append(yamlList(xCacheFrom, "          "))
        .append("        cache-to:\n").append(yamlList(xCacheTo, "          "));
    y.append("  sec:\n    build:\n      context: .\n      secrets:\n        - tok\n        - envsec\n        - source: tok\n")
        .append("      x-bake:\n        secret:\n").append(yamlList(xSecret, "          "));
    y.append("  out:\n    build:\n      context: .\n      x-bake:\n        output:\n").append(yamlList(xOutput, "          "));
    y.append("  att1:\n    build:\n      context: .\n      sbom: true\n      provenance: mode=max\n");
    y.append("  att2:\n    build:\n      context: .\n      sbom: \"generator=img,FOO=bar\"\n      provenance: \"0\"\n");
    y.append("  att3:\n    build:\n      context: .\n      sbom: \"false\"\n      provenance: \"type=sbom\"\n");
    y.append("  plat:\n    build:\n      context: .\n      platforms:\n").append(yamlList(platforms, "        "))
        .append("      x-bake:\n        platforms:\n").append(yamlList(xPlatforms, "          "));
    y.append("  hostlist:\n    build:\n      context: .\n      extra_hosts:\n").append(yamlList(hosts, "        "));
    y.append("  hostmap:\n    build:\n      context: .\n      extra_hosts:\n        a: \"[::1]\"\n")
        .append("        b: [\"1.1.1.1\", \"[::2]\"]\n        c: \"1.1.1.1,2.2.2.2\"\n");
    y.append("secrets:\n  tok:\n    file: ./s.txt\n  envsec:\n    environment: SOME_VAR\n");

    JsonNode t = print("compose.yaml", y.toString());

    // shm_size
    for (Map.Entry<String, String> e : shm.entrySet()) {
      String v = e.getValue();
      long bytes = v.startsWith("\"") ? GoUnits.ramInBytes(v.substring(1, v.length() - 1)) : Long.parseLong(v);
      JsonNode got = t.get(e.getKey()).get("shm-size");
      if (bytes <= 0) {
        assertNull(got, e.getKey());
      } else {
        assertEquals(GoUnits.bytesSize((double) bytes), got.asText(), e.getKey());
      }
    }
    // ulimits (buildx's order varies between runs: compare as sets)
    Set<String> ulimits = new HashSet<>();
    t.get("ulim").get("ulimits").forEach(n -> ulimits.add(n.asText()));
    assertEquals(Set.of(GoUnits.parseUlimit("nofile", 1024, 2048).render(), GoUnits.parseUlimit("memlock", -1, -1).render(),
        GoUnits.parseUlimit("core", 0, 0).render(), GoUnits.parseUlimit("nproc", 100, -1).render()), ulimits);
    // cache
    assertEquals(Json.list(CacheEntry.forCompose(cacheFrom, xCacheFrom), CacheEntry::toJson), t.get("cache").get("cache-from"));
    assertEquals(Json.list(CacheEntry.forCompose(cacheTo, xCacheTo), CacheEntry::toJson), t.get("cache").get("cache-to"));
    // secrets: the Compose file path is cleaned by compose-go (./s.txt -> s.txt)
    List<Secret> compose = List.of(Secret.fromCompose("tok", "s.txt", ""), Secret.fromCompose("envsec", "", "SOME_VAR"),
        Secret.fromCompose("tok", "s.txt", ""));
    assertEquals(Json.list(Secret.forCompose(compose, xSecret), Secret::toJson), t.get("sec").get("secret"));
    // outputs
    assertEquals(Json.list(ExportEntry.forCompose(xOutput), ExportEntry::toJson), t.get("out").get("output"));
    // attestations
    assertEquals(Json.list(Attest.forCompose("true", "mode=max"), Attest::toJson), t.get("att1").get("attest"));
    assertEquals(Json.list(Attest.forCompose("generator=img,FOO=bar", "0"), Attest::toJson), t.get("att2").get("attest"));
    assertEquals(Json.list(Attest.forCompose("false", "type=sbom"), Attest::toJson), t.get("att3").get("attest"));
    // platforms
    List<String> allPlatforms = new ArrayList<>(platforms);
    allPlatforms.addAll(xPlatforms);
    Platforms.validateAll(allPlatforms);
    assertEquals(Json.tree(Platforms.dedup(allPlatforms)), t.get("plat").get("platforms"));
    // extra hosts
    assertEquals(Json.tree(ExtraHosts.parseList(hosts).joined()), t.get("hostlist").get("extra-hosts"));
    Map<String, Object> hostMap = new LinkedHashMap<>();
    hostMap.put("a", "[::1]");
    hostMap.put("b", List.of("1.1.1.1", "[::2]"));
    hostMap.put("c", "1.1.1.1,2.2.2.2");
    assertEquals(Json.tree(ExtraHosts.parseMap(hostMap).joined()), t.get("hostmap").get("extra-hosts"));
  }

  // ------------------------------------------------------------------ ssh (needs real key files)

  @Test
  void composeSsh() throws IOException {
    boolean keys = true;
    for (String k : List.of("k1", "k2")) {
      Result r = exec(dir, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve(k).toString());
      keys &= r.code == 0;
    }
    Assumptions.assumeTrue(keys, "ssh-keygen not available to make key files");
    List<String> xSsh = List.of("key=./k1,./k2", "aaa=./k2", "aaa=./k1", "zed=./k2", "mid=./k1");
    String y = "services:\n  a:\n    build:\n      context: .\n      ssh:\n        - zed=k1\n        - mid=k2\n"
        + "      x-bake:\n        ssh:\n" + yamlList(xSsh, "          ")
        + "  b:\n    build:\n      context: .\n      x-bake:\n        ssh:\n"
        + yamlList(List.of("c=./k2", "c=./k1,./k2", "b=./k1"), "          ");
    JsonNode t = print("compose.yaml", y);
    assertEquals(Json.list(SshKey.forCompose(List.of(SshKey.fromCompose("zed", "k1"), SshKey.fromCompose("mid", "k2")), xSsh),
        SshKey::toJson), t.get("a").get("ssh"));
    assertEquals(Json.list(SshKey.forCompose(List.of(), List.of("c=./k2", "c=./k1,./k2", "b=./k1")), SshKey::toJson),
        t.get("b").get("ssh"));
  }

  // ------------------------------------------------------------------ a JSON bake file

  @Test
  void bakeFileValues() throws IOException {
    Files.writeString(dir.resolve("f.txt"), "x");
    List<String> cache = List.of("r/a", "r/a", "r/b,r/c", "type=local,src=./x", "r/c", "\"r/q\"");
    List<String> secrets = List.of("id=a,env=A", "id=b,src=f.txt", "id=a,env=C", "src=f.txt,id=c", "type=env,id=d,src=D");
    List<String> outputs = List.of("type=docker", "type=docker", "type=image", "type=oci,dest=x.tar", "-");
    List<String> attests = List.of("type=sbom", "type=provenance,mode=max", "type=sbom,generator=g");
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.putObject("group").putObject("default").putArray("targets").add("t");
    ObjectNode target = root.putObject("target").putObject("t");
    target.set("cache-from", Json.tree(cache));
    target.set("secret", Json.tree(secrets));
    target.set("output", Json.tree(outputs));
    target.set("attest", Json.tree(attests));
    ArrayNode ul = target.putArray("ulimits");
    ul.add("nofile=1024:2048").add("nproc=5");
    target.put("shm-size", "128m");
    JsonNode t = print("bake.json", root.toString()).get("t");

    assertEquals(Json.list(CacheEntry.removeDupes(CacheEntry.parseCacheEntries(cache)), CacheEntry::toJson), t.get("cache-from"));
    assertEquals(Json.list(Secret.dedupById(Secret.parseAll(secrets)), Secret::toJson), t.get("secret"));
    assertEquals(Json.list(ExportEntry.validateForBuild(ExportEntry.removeDupes(ExportEntry.parseAll(outputs))),
        ExportEntry::toJson), t.get("output"));
    assertEquals(Json.list(Attest.parseAttests(attests), Attest::toJson), t.get("attest"));
    GoUnits.parseUlimit("nofile=1024:2048");
    GoUnits.parseUlimit("nproc=5");
    assertEquals(Json.tree(List.of("nofile=1024:2048", "nproc=5")), t.get("ulimits"));
    assertEquals("128m", t.get("shm-size").asText());
  }

  // ------------------------------------------------------------------ errors

  private void assertSameError(String compose, Supplier<?> ours) throws IOException {
    LowerException e = assertThrows(LowerException.class, ours::get, compose);
    String err = printError("compose.yaml", compose);
    assertTrue(err.contains(e.buildxMessage()), () -> "expected buildx to report\n  " + e.buildxMessage() + "\nbut got\n" + err);
  }

  private static String service(String body) {
    return "services:\n  web:\n    build:\n      context: .\n" + body;
  }

  @Test
  void errorsMatch() throws IOException {
    assertSameError(service("      cache_from:\n        - \"src=./x\"\n"),
        () -> CacheEntry.forCompose(List.of("src=./x"), List.of()));
    assertSameError(service("      x-bake:\n        cache-from: [type=registry,ref=example/web:cache]\n"),
        () -> CacheEntry.forCompose(List.of(), List.of("type=registry", "ref=example/web:cache")));
    assertSameError(service("      x-bake:\n        secret: id=a,colour=blue\n"),
        () -> Secret.forCompose(List.of(), List.of("id=a,colour=blue")));
    assertSameError(service("      x-bake:\n        secret: 'id=\"a,b\",env=E'\n"),
        () -> Secret.forCompose(List.of(), List.of("id=\"a,b\",env=E")));
    assertSameError(service("      provenance: max\n"), () -> Attest.forCompose(null, "max"));
    assertSameError(service("      sbom: \"disabled=perhaps\"\n"), () -> Attest.forCompose("disabled=perhaps", null));
    assertSameError(service("      ulimits:\n        nofile: {soft: 4096, hard: 1024}\n"),
        () -> GoUnits.parseUlimit("nofile", 4096, 1024));
    assertSameError(service("      ulimits:\n        as: {soft: 1, hard: 2}\n"), () -> GoUnits.parseUlimit("as", 1, 2));
    assertSameError(service("      platforms: [not/a/valid/platform/x]\n"),
        () -> { Platforms.validateAll(List.of("not/a/valid/platform/x")); return null; });
    assertSameError(service("      platforms: [\"linux/amd64,\"]\n"),
        () -> { Platforms.validateAll(List.of("linux/amd64,")); return null; });
    assertSameError(service("      extra_hosts:\n        - nohostip\n"), () -> ExtraHosts.parseList(List.of("nohostip")));
    assertSameError(service("      extra_hosts:\n        - \"x=y:z=1\"\n        - \"q:r=s\"\n"),
        () -> ExtraHosts.parseList(List.of("x=y:z=1", "q:r=s")));
    assertSameError(service("      shm_size: two gigs\n"), () -> GoUnits.ramInBytes("two gigs"));
    assertSameError(service("      shm_size: \"12 parsecs\"\n"), () -> GoUnits.ramInBytes("12 parsecs"));
    assertSameError(service("      x-bake:\n        output: type=local\n"), () -> ExportEntry.forCompose(List.of("type=local")));
    assertSameError(service("      x-bake:\n        output: [type=tar, type=oci]\n"),
        () -> ExportEntry.forCompose(List.of("type=tar", "type=oci")));
  }
}
