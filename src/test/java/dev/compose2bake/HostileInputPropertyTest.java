package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.CorpusCase;
import dev.compose2bake.support.Guarded;
import dev.compose2bake.support.HclReader;
import dev.compose2bake.support.InProcess;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property tests on generated input, with a seeded generator of our own. Two sources: random
 * Compose documents (every build field, with values of the right and of the wrong type,
 * interpolation, anchors, extends, x-bake, secrets) and random mutations of the files of the golden
 * and conformance corpora (lines deleted, duplicated, swapped, re-indented, tokens and bad bytes
 * inserted, truncation, CRLF, byte-order marks). For every input, run with {@code -o} over an
 * existing file: the run ends within {@link Guarded#TIME_BOUND_SECONDS}, exits 0, 3 or 4, prints no
 * stack trace and leaves no temporary file; a refused input leaves the old file as it was; an
 * accepted one gives HCL that, read back, equals the JSON of the same run; and for a sample, buildx
 * reads the HCL and the JSON file as the same definition.
 *
 * <p>{@code -Dproperty.seed=N} changes the seed (printed at the start), {@code -Dproperty.docs=N}
 * and {@code -Dproperty.mutations=N} the number of inputs, {@code -Dproperty.buildx=N} the buildx
 * sample, and {@code -Dproperty.only=I} replays input I alone.
 */
class HostileInputPropertyTest {
  static final long SEED = Long.getLong("property.seed", 20251203L);
  static final int DOCS = Integer.getInteger("property.docs", 400);
  static final int MUTATIONS = Integer.getInteger("property.mutations", 800);
  static final int BUILDX_SAMPLE = Integer.getInteger("property.buildx", 10);
  static final int ONLY = Integer.getInteger("property.only", -1);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Integer> EXITS = new TreeMap<>();
  private static int buildxChecked;
  private static int successes;
  private static int inputs;
  private static long slowestMillis;
  private static String slowest = "";

  @AfterAll
  static void summary() {
    System.out.println("HostileInputPropertyTest: seed " + SEED + " (replay or vary with -Dproperty.seed=N), " + inputs
        + " inputs, exit codes " + EXITS + ", " + buildxChecked + " outputs read by buildx in both formats; slowest "
        + slowestMillis + " ms: " + slowest);
  }

  @Test
  void randomComposeDocuments() throws Exception {
    for (int i = 0; i < DOCS; i++) {
      if (ONLY >= 0 && ONLY != i) {
        continue;
      }
      Random r = new Random(SEED * 1_000_003L + i);
      Map<String, byte[]> files = new DocumentGenerator(r).project();
      Map<String, String> env = new DocumentGenerator(r).environment();
      check("document " + i, files, List.of("-f", "compose.yaml"), env, null);
    }
  }

  @Test
  void mutationsOfTheCorpora() throws Exception {
    List<Path> sources = sources();
    assertFalse(sources.isEmpty());
    for (int i = 0; i < MUTATIONS; i++) {
      if (ONLY >= 0 && ONLY != i) {
        continue;
      }
      Random r = new Random(SEED * 2_000_003L + i);
      Path dir = sources.get(r.nextInt(sources.size()));
      Map<String, byte[]> files = readTree(dir);
      List<String> args = argsOf(dir);
      String target = files.containsKey("compose.yaml") ? "compose.yaml" : yamlFile(files, r);
      if (target == null) {
        continue;
      }
      byte[] mutated = Mutator.mutate(files.get(target), r);
      files.put(target, mutated);
      check("mutation " + i + " of " + dir + "/" + target, files, args, envOf(dir), null);
    }
  }

  // ---------------------------------------------------------------- the properties

  private void check(String what, Map<String, byte[]> files, List<String> args, Map<String, String> env, String stdin)
      throws Exception {
    inputs++;
    Path tmp = Files.createTempDirectory("c2b-prop-");
    try {
      Path work = tmp.resolve("case");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = work.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
      Files.createDirectories(work);
      Path out = work.resolve("out").resolve("docker-bake.hcl");
      Files.createDirectories(out.getParent());
      Files.write(out, BadInputCorpusTest.OLD_OUTPUT);
      List<String> a = new ArrayList<>(args);
      a.addAll(List.of("-o", "out/docker-bake.hcl"));
      Map<String, String> e = new LinkedHashMap<>(env);
      e.putIfAbsent("HOME", "/home/user");
      long start = System.nanoTime();
      InProcess.Run run = Guarded.run(work, e, stdin == null ? "" : stdin, a);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (millis > slowestMillis) {
        slowestMillis = millis;
        slowest = what;
      }
      String context = what + " (seed " + SEED + ")\nenvironment: " + env + "\n" + describe(files) + "\nstderr:\n"
          + run.stderr();
      EXITS.merge((what.startsWith("document") ? "documents:" : "mutations:") + run.exitCode(), 1, Integer::sum);
      if (Boolean.getBoolean("property.verbose") && run.exitCode() != 0) {
        System.out.println(what + ": " + run.stderr().lines().findFirst().orElse(""));
      }
      assertTrue(Arrays.asList(0, 3, 4).contains(run.exitCode()), "exit " + run.exitCode() + ": " + context);
      try {
        Guarded.assertNoStackTrace(run);
        Guarded.assertNoTemporaryFiles(tmp);
      } catch (AssertionError err) {
        throw new AssertionError(err.getMessage() + "\n" + context, err);
      }
      if (run.exitCode() != 0) {
        assertArrayEquals(BadInputCorpusTest.OLD_OUTPUT, Files.readAllBytes(out), "old output changed: " + context);
        return;
      }
      String hcl = Files.readString(out);
      List<String> j = new ArrayList<>(args);
      j.addAll(List.of("--format", "json", "-o", "out/docker-bake.json"));
      InProcess.Run json = Guarded.run(work, e, stdin == null ? "" : stdin, j);
      assertEquals(0, json.exitCode(), "HCL run succeeded, JSON run did not: " + context + json.stderr());
      String jsonText = Files.readString(work.resolve("out/docker-bake.json"));
      JsonNode fromHcl = HclReader.read(hcl);
      if (fromHcl != null) {
        assertEquals(HclReader.withoutComment(JSON.readTree(jsonText)), fromHcl, "HCL and JSON disagree: " + context);
      }
      // buildx --print needs an ssh agent and existing secret files (a deliberate difference): sample the rest,
      // spread over the run.
      if (buildxChecked < BUILDX_SAMPLE && successes++ % 7 == 0 && !hcl.contains("ssh") && !hcl.contains("src =")) {
        Buildx buildx = Buildx.find();
        if (buildx != null) {
          Map<String, String> benv = buildx.environment(env);
          Buildx.Result h = buildx.print(work.resolve("out"), List.of("-f", "docker-bake.hcl"), benv);
          Buildx.Result js = buildx.print(work.resolve("out"), List.of("-f", "docker-bake.json"), benv);
          assertEquals(0, h.exitCode(), "buildx cannot read the HCL: " + h.stderr() + "\n" + hcl + "\n" + context);
          assertEquals(0, js.exitCode(), "buildx cannot read the JSON: " + js.stderr() + "\n" + context);
          assertEquals(JSON.readTree(h.stdout()), JSON.readTree(js.stdout()), "buildx reads HCL and JSON differently: "
              + context);
          buildxChecked++;
        }
      }
    } finally {
      CaseRunner.delete(tmp);
    }
  }

  private static String describe(Map<String, byte[]> files) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (f.getKey().endsWith(".yaml") || f.getKey().endsWith(".yml") || f.getKey().equals(".env")) {
        String text = new String(f.getValue(), StandardCharsets.UTF_8);
        b.append("--- ").append(f.getKey()).append('\n').append(text.length() > 3000 ? text.substring(0, 3000) : text);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- corpus files

  private static List<Path> sources() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("testdata"))) {
      s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("e2e")).sorted().forEach(out::add);
    }
    Path shared = CorpusCase.sharedDir();
    if (shared != null && Files.isDirectory(shared.resolve("conformance/cases"))) {
      try (Stream<Path> s = Files.list(shared.resolve("conformance/cases"))) {
        s.filter(Files::isDirectory).sorted().forEach(out::add);
      }
    }
    return out;
  }

  private static Map<String, byte[]> readTree(Path dir) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(f).toString();
        if (List.of("args", "env", "cwd", "stdin", "deliberate", "bake-args", "README", "sockets").contains(rel)
            || rel.startsWith("expected") || rel.startsWith("c2b-") || rel.startsWith("compose.json")
            || rel.startsWith("compose.error")) {
          continue;
        }
        out.put(rel, Files.readAllBytes(f));
      }
    }
    return out;
  }

  private static List<String> argsOf(Path dir) throws Exception {
    Path f = dir.resolve("args");
    if (!Files.exists(f)) {
      return List.of("-f", "compose.yaml");
    }
    String line = Files.readAllLines(f).stream().findFirst().orElse("").strip();
    List<String> out = new ArrayList<>(line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+")));
    out.remove("-");
    int o = out.indexOf("-o");
    if (o >= 0) {
      out.remove(o + 1);
      out.remove(o);
    }
    return out;
  }

  private static Map<String, String> envOf(Path dir) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    Path f = dir.resolve("env");
    if (Files.exists(f)) {
      for (String l : Files.readAllLines(f)) {
        int eq = l.indexOf('=');
        if (eq > 0 && !l.startsWith("#")) {
          env.put(l.substring(0, eq), l.substring(eq + 1));
        }
      }
    }
    return env;
  }

  private static String yamlFile(Map<String, byte[]> files, Random r) {
    List<String> yaml = files.keySet().stream().filter(n -> n.endsWith(".yaml") || n.endsWith(".yml")).toList();
    return yaml.isEmpty() ? null : yaml.get(r.nextInt(yaml.size()));
  }

  // ---------------------------------------------------------------- mutations

  /** Random edits of a file's bytes, one to three per input. */
  static final class Mutator {
    private static final String[] TOKENS = {":", ": ", "- ", "{", "}", "[", "]", ",", "&a ", "*a", "<<: *a\n", "!!int ",
        "!!str ", "!reset ", "!override ", "\t", "\"", "'", "${", "$", "${X:?boom}", "${X:-${Y}}", "$$", "%{", "\\",
        "é", "\uFEFF", "\r", "\u0000", "\u001B[2J", "\u202E", "#", "|", ">", "? ", "---\n", "...\n", "~", "null",
        "true", "0x1F", "1e400", "99999999999999999999", "-", "service:", "target:", "extends: a\n", "build: .\n",
        "x-bake: {tags: [a]}\n", "\n", "  ", "=", "@", "`"};

    static byte[] mutate(byte[] in, Random r) {
      byte[] b = in;
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        b = once(b, r);
      }
      return b;
    }

    private static byte[] once(byte[] in, Random r) {
      String text = new String(in, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      int line = r.nextInt(lines.size());
      switch (r.nextInt(12)) {
        case 0 -> lines.remove(line);
        case 1 -> lines.add(line, lines.get(line));
        case 2 -> {
          int other = r.nextInt(lines.size());
          String t = lines.get(line);
          lines.set(line, lines.get(other));
          lines.set(other, t);
        }
        case 3 -> lines.set(line, (r.nextBoolean() ? "  " : "") + lines.get(line).replaceFirst("^  ", r.nextBoolean()
            ? "" : "    "));
        case 4 -> {
          String l = lines.get(line);
          int at = l.isEmpty() ? 0 : r.nextInt(l.length() + 1);
          lines.set(line, l.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + l.substring(at));
        }
        case 5 -> {
          String l = lines.get(line);
          int colon = l.indexOf(": ");
          if (colon >= 0) {
            lines.set(line, l.substring(0, colon + 2) + TOKENS[r.nextInt(TOKENS.length)]);
          }
        }
        case 6 -> {
          return Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
        }
        case 7 -> {
          byte[] b = in.clone();
          if (b.length > 0) {
            b[r.nextInt(b.length)] = (byte) r.nextInt(256);
          }
          return b;
        }
        case 8 -> {
          return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        case 9 -> {
          ByteArrayOutputStream o = new ByteArrayOutputStream();
          o.writeBytes(r.nextBoolean() ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[] {(byte) 0xC3});
          o.writeBytes(in);
          return o.toByteArray();
        }
        case 10 -> {
          int end = Math.min(lines.size(), line + 1 + r.nextInt(4));
          lines.addAll(end, new ArrayList<>(lines.subList(line, end)));
        }
        default -> lines.set(line, lines.get(line).replace(" ", "\t"));
      }
      return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }
  }

  // ---------------------------------------------------------------- random documents

  /** Builds a random Compose project as YAML text, mostly plausible, with wrong types mixed in. */
  static final class DocumentGenerator {
    private static final String[] NAMES = {"web", "api", "base", "worker", "db", "a.b", "a_b", "front-end", "x1"};
    private static final String[] VARS = {"TAG", "BASE", "TOKEN", "EMPTY", "UNSET", "CTX", "V"};
    private final Random r;
    private final List<String> anchors = new ArrayList<>();

    DocumentGenerator(Random r) {
      this.r = r;
    }

    Map<String, String> environment() {
      Map<String, String> env = new LinkedHashMap<>();
      for (String v : VARS) {
        if (!v.equals("UNSET") && r.nextInt(3) == 0) {
          env.put(v, v.equals("EMPTY") ? "" : scalarText());
        }
      }
      return env;
    }

    Map<String, byte[]> project() {
      Map<String, byte[]> files = new TreeMap<>();
      StringBuilder y = new StringBuilder();
      if (r.nextInt(4) == 0) {
        y.append("x-common: &common\n  context: .\n  args:\n    SHARED: \"1\"\n");
        anchors.add("common");
      }
      if (r.nextInt(8) == 0) {
        y.append("name: ").append(pick("demo", "My Project", "${V:-p}", "")).append('\n');
      }
      int n = 1 + r.nextInt(5);
      List<String> names = new ArrayList<>();
      while (names.size() < n) {
        String s = pick(NAMES);
        if (!names.contains(s)) {
          names.add(s);
        }
      }
      y.append("services:\n");
      for (String s : names) {
        y.append("  ").append(s).append(":\n");
        boolean build = r.nextInt(6) != 0;
        if (!build || r.nextInt(3) == 0) {
          y.append("    image: ").append(pick("example/" + s.replace('.', '-'), "${TAG:-x}", "alpine")).append('\n');
        }
        if (r.nextInt(15) == 0 && names.size() > 1) {
          String base = pick(names.toArray(new String[0]));
          y.append("    extends: ").append(base.equals(s) ? names.get((names.indexOf(s) + 1) % names.size()) : base)
              .append('\n');
        }
        if (r.nextInt(6) == 0) {
          y.append("    environment:\n      TOKEN: ${TOKEN:-t}\n");
        }
        if (r.nextInt(8) == 0) {
          y.append("    profiles: [").append(pick("debug", "x")).append("]\n");
        }
        if (build) {
          build(y, names, s);
        }
      }
      if (r.nextInt(8) != 0) {
        y.append("secrets:\n  npm:\n    environment: TOKEN\n");
        if (r.nextBoolean()) {
          y.append("  file_secret:\n    file: ./secret.txt\n");
          files.put("secret.txt", "s3cr3t\n".getBytes(StandardCharsets.UTF_8));
        }
      }
      files.put("compose.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
      if (r.nextBoolean()) {
        files.put(".env", ("TAG=" + scalarText().replace("\n", "") + "\nV=1\n").getBytes(StandardCharsets.UTF_8));
      }
      files.put("Dockerfile", "FROM scratch\n".getBytes(StandardCharsets.UTF_8));
      return files;
    }

    private void build(StringBuilder y, List<String> names, String self) {
      if (r.nextInt(5) == 0) {
        y.append("    build: ").append(r.nextInt(5) == 0 ? wrong() : pick(".", "sub", "${CTX:-.}")).append('\n');
        return;
      }
      y.append("    build:\n");
      if (!anchors.isEmpty() && r.nextBoolean()) {
        y.append("      <<: *common\n");
      } else {
        y.append("      context: ").append(pick(".", "./sub", "${CTX:-.}", "https://github.com/a/b.git#main")).append('\n');
      }
      String other = pick(names.toArray(new String[0]));
      if (r.nextInt(4) != 0) {
        other = names.get(0).equals(self) ? names.get(names.size() - 1) : names.get(0);
      }
      String[][] fields = {
        {"dockerfile", pick("Dockerfile", "sub/Dockerfile.dev", "${V:-Dockerfile}")},
        {"dockerfile_inline", pick("|\n        FROM scratch\n        COPY . /", "\"FROM ${BASE:-alpine}\"", "'FROM scratch'")},
        {"args", pick("{A: 1, B: \"${TAG}\", C: null, D: true}", "[A=1, B, \"C=${V:-x}\"]", "{E: \"${EMPTY-unset}\"}")},
        {"ssh", pick("[default]", "{default: null}")},
        {"labels", pick("{com.example.a: b, n: 1}", "[\"a=b\", c]")},
        {"cache_from", pick("[\"type=local,src=cache\"]", "[user/app:cache]", "[\"type=registry,ref=x/y\"]")},
        {"cache_to", pick("[\"type=inline\"]", "[\"type=local,dest=out\"]")},
        {"no_cache", pick("true", "false", "\"yes\"")},
        {"additional_contexts", pick("{base: \"service:" + other + "\"}", "[\"x=docker-image://alpine\"]",
            "{c: ./ctx}")},
        {"network", pick("host", "none", "default")},
        {"provenance", pick("true", "false", "mode=max")},
        {"sbom", pick("true", "false")},
        {"pull", pick("true", "false")},
        {"target", pick("build", "${V}")},
        {"shm_size", pick("64m", "1000000", "\"1gb\"", "0")},
        {"extra_hosts", pick("[\"h:1.2.3.4\"]", "{h: \"::1\"}", "[\"a=10.0.0.1,10.0.0.2\"]")},
        {"isolation", pick("default", "process")},
        {"privileged", pick("true", "false")},
        {"secrets", pick("[npm]", "[{source: npm, target: npmrc}]")},
        {"tags", pick("[\"a/b:1\", \"${TAG:-latest}\"]", "[x]", "[\"$${literal}\", \"%{p}\"]")},
        {"ulimits", pick("{nofile: 1024}", "{nproc: {soft: 1, hard: 2}}")},
        {"platforms", pick("[linux/amd64, linux/arm64/v8]", "[\"${PLATFORM:-linux/amd64}\"]")},
        {"entitlements", pick("[network.host]", "[security.insecure]")},
        {"x-bake", pick("{tags: [\"a:b\"], pull: true}", "{platforms: linux/amd64 linux/arm64}",
            "{contexts: {extra: \"target:" + other + "\"}}", "{output: [\"type=docker\"]}", "{no-cache-filter: [a]}",
            "{secret: [\"id=npm,env=TOKEN\"], cache-from: [\"user/app:cache\"]}")},
      };
      for (String[] f : fields) {
        if (r.nextInt(5) == 0) {
          y.append("      ").append(f[0]).append(": ").append(r.nextInt(12) == 0 ? wrong() : f[1]).append('\n');
        }
      }
    }

    /** A value of a random kind: often the wrong type for the field it is put in. */
    private String wrong() {
      return switch (r.nextInt(9)) {
        case 0 -> String.valueOf(r.nextInt(1000) - 10);
        case 1 -> pick("true", "false", "yes", "off", "null", "~");
        case 2 -> pick("1.5", "1e3", ".inf", "0x10", "0o17");
        case 3 -> "[" + scalarText() + ", 1]";
        case 4 -> "{k: " + scalarText() + "}";
        case 5 -> "\"" + scalarText().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        case 6 -> pick("${UNSET:?must be set}", "${", "${A.B}", "$", "${V:+alt}", "${X-${Y-${Z}}}");
        case 7 -> "!!str " + r.nextInt(10);
        default -> "[]";
      };
    }

    private String scalarText() {
      String[] parts = {"a", "B", "1", "-", ".", "/", ":", "=", ",", "$$", "%{x}", "${V}", "é", "日本", " ", "\\", "'",
          "\n", "😀", "${TAG:-d}", "x y"};
      StringBuilder b = new StringBuilder();
      int n = 1 + r.nextInt(5);
      for (int i = 0; i < n; i++) {
        b.append(parts[r.nextInt(parts.length)]);
      }
      return b.toString();
    }

    private String pick(String... options) {
      return options[r.nextInt(options.length)];
    }
  }
}
