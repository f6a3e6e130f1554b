package dev.compose2bake.compose;

import dev.compose2bake.support.DockerCompose;
import dev.compose2bake.support.Differential;

import dev.compose2bake.interp.Lookup;
import dev.compose2bake.interp.InterpolationException;

import static dev.compose2bake.support.Differential.pick;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link DotEnv} with docker compose on random files used as {@code env_file}: compose prints the
 * resulting {@code environment}. The files we read go into one compose file (a service each); each file we
 * reject runs alone and must make compose fail too.
 */
class DotEnvDifferentialTest {

  private static final int FILES = 200;
  /** The chosen process variables; the env files refer to them, and to keys defined above. */
  private static final Map<String, String> PROCESS = Map.of("P1", "proc", "P2", "", "P3", "$K1 {x}");
  private static final List<String> KEYS =
      List.of("K1", "K2", "K3", "k_4", "a.b", "x-y", "1N", "\u00c9", "P1", "exportX", "a[0]");
  private static final List<String> BAD_KEYS = List.of("A B", "A/B", "", "A\tB", "A,B");
  private static final List<String> UNQUOTED = List.of("a", "b c", " ", "#", "x#y", " #c", "${K1}", "$K2",
      "${P1:-d}", "${NOPE-d}", "$$", "\\", "'", "\"", "${K1:+alt}", "\t", "=", ":", "$P3", "\u00a0", "$");
  private static final List<String> SINGLE = List.of("a", " ", "$K1", "${K1}", "\\'", "\\\\", "\n", "\"", "#",
      "\\n", " # c", "\r\n");
  private static final List<String> DOUBLE = List.of("a", " ", "${K1}", "$P1", "\\n", "\\t", "\\\"", "\\\\", "\\$",
      "\\0101", "\\x41", "\\q", "\n", "'", "#", "${NOPE:-x y}", "\\0", "\\a", "$$", "\\012", "${K2-}", " # c");

  @Test
  void agreesWithDockerCompose(@TempDir Path dir) throws Exception {
    DockerCompose compose = DockerCompose.require();
    long seed = Differential.seed("DotEnvDifferentialTest");
    Random random = new Random(seed);
    Map<String, String> all = new LinkedHashMap<>(compose.baseEnvironment());
    all.putAll(PROCESS);
    Path batch = Files.createDirectories(dir.resolve("batch"));
    Map<String, Map<String, String>> expected = new TreeMap<>();
    Set<String> warned = new TreeSet<>();
    List<Differential.Check> checks = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      String service = String.format("s%03d", i);
      String text = file(random);
      List<String> warnings = new ArrayList<>();
      try {
        expected.put(service, DotEnv.parse(text, service + ".env", Lookup.of(all), warnings::add));
        warnings.forEach(w -> warned.add(Differential.warnedName(w)));
        Files.writeString(batch.resolve(service + ".env"), text);
      } catch (DotEnvException failure) {
        checks.add(() -> expectFailure(compose, dir.resolve(service), text, failure));
      }
    }
    checks.add(() -> expectValues(compose, batch, expected, warned));
    System.out.printf("DotEnvDifferentialTest: %d files, %d compose runs%n", FILES, checks.size());
    List<String> mismatches = new ArrayList<>();
    Differential.runAll(checks, mismatches);
    assertTrue(mismatches.isEmpty(), () -> Differential.report(seed, mismatches));
  }

  private static Map<String, Object> composeWithEnvFiles(Set<String> services) {
    Map<String, Object> map = new TreeMap<>();
    services.forEach(service -> map.put(service, Map.of("image", "x", "env_file", service + ".env")));
    return Map.of("services", map);
  }

  private static String expectValues(DockerCompose compose, Path dir, Map<String, Map<String, String>> expected,
      Set<String> warned) throws Exception {
    DockerCompose.Result result =
        compose.config(Differential.writeCompose(dir, composeWithEnvFiles(expected.keySet())), PROCESS);
    if (result.exitCode() != 0) {
      return "compose fails on files we read: " + Differential.errorLine(result.stderr());
    }
    JsonNode services = Differential.parse(result.stdout()).path("services");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> entry : expected.entrySet()) {
      Map<String, String> actual = new TreeMap<>();
      for (Map.Entry<String, JsonNode> field : services.path(entry.getKey()).path("environment").properties()) {
        actual.put(field.getKey(), DockerCompose.unescape(field.getValue().asText()));
      }
      if (!actual.equals(new TreeMap<>(entry.getValue()))) {
        problems.add(quote(read(dir, entry.getKey())) + " gives " + entry.getValue() + ", compose " + actual);
      }
    }
    Set<String> composeWarned = Differential.warnedNames(result.stderr());
    if (!composeWarned.equals(warned)) {
      problems.add("we warn about " + warned + ", compose about " + composeWarned);
    }
    return problems.isEmpty() ? null : String.join("\n- ", problems);
  }

  private static String expectFailure(DockerCompose compose, Path dir, String text, DotEnvException failure)
      throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("s.env"), text);
    DockerCompose.Result result = compose.config(Differential.writeCompose(dir, composeWithEnvFiles(Set.of("s"))),
        PROCESS);
    String what = quote(text);
    if (result.exitCode() == 0) {
      return what + ": we fail (" + failure.getMessage() + "), compose reads "
          + Differential.parse(result.stdout()).path("services").path("s").path("environment");
    }
    String error = Differential.errorLine(result.stderr());
    return error.contains(composePhrase(failure)) ? null
        : what + ": we fail with " + quote(failure.getMessage()) + ", compose with " + quote(error);
  }

  /**
   * What compose's message must contain for our failure. Line numbers are not compared: compose's counter drifts
   * (a newline inside an unterminated quote, or after a key line with a trailing space, is miscounted).
   */
  private static String composePhrase(DotEnvException failure) {
    String problem = failure.problem();
    if (problem.startsWith("key cannot contain a space") || problem.startsWith("unexpected character")) {
      return problem.substring(0, 15);
    } else if (problem.startsWith("unterminated quoted value")) {
      return "unterminated quoted value";
    } else if (problem.startsWith("\"export\"")) {
      return "zero length string";
    } else if (problem.startsWith("invalid interpolation format")) {
      return "Invalid template";
    }
    return problem;
  }

  private static String read(Path dir, String service) {
    try {
      return Files.readString(dir.resolve(service + ".env"));
    } catch (IOException e) {
      return "?";
    }
  }

  private static String file(Random random) {
    StringBuilder text = new StringBuilder(random.nextInt(12) == 0 ? "\uFEFF" : "");
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      text.append(line(random));
      if (i < lines - 1 || random.nextInt(4) != 0) {
        text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
      }
    }
    return text.toString();
  }

  private static String line(Random random) {
    String indent = random.nextInt(6) == 0 ? pick(random, List.of(" ", "\t", "  ")) : "";
    int kind = random.nextInt(100);
    if (kind < 7) {
      return indent;
    } else if (kind < 13) {
      return indent + "# comment " + pick(random, UNQUOTED);
    } else if (kind < 20) {
      String key = pick(random, List.of("K1", "P1", "P2", "NOPE", "K2", "PATH"));
      return indent + key + (random.nextBoolean() ? "" : " ");
    }
    String export = random.nextInt(6) == 0 ? pick(random, List.of("export ", "export\t", "export  ")) : "";
    String key = random.nextInt(40) == 0 ? pick(random, BAD_KEYS) : pick(random, KEYS);
    String separator = random.nextInt(12) == 0 ? ":" : "=";
    String spaces = random.nextInt(5) == 0 ? " " : "";
    return indent + export + key + spaces + separator + spaces + value(random);
  }

  private static String value(Random random) {
    int kind = random.nextInt(100);
    if (kind < 5) {
      return "";
    } else if (kind < 50) {
      return tokens(random, UNQUOTED, 4) + (random.nextInt(6) == 0 ? " # trailing" : "");
    }
    boolean single = kind < 70;
    String quote = single ? "'" : "\"";
    String body = tokens(random, single ? SINGLE : DOUBLE, 5);
    String close = random.nextInt(30) == 0 ? "" : quote;
    String after = random.nextInt(6) == 0 ? pick(random, List.of(" # c", " ", "junk", "X=1")) : "";
    return quote + body + close + after;
  }

  private static String tokens(Random random, List<String> choices, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max + 1); i > 0; i--) {
      text.append(pick(random, choices));
    }
    if (random.nextInt(50) == 0) {
      text.append("${K1.x}");
    }
    return text.toString();
  }

  private static String quote(String s) {
    return InterpolationException.quote(s);
  }
}
