package dev.compose2bake.interp;

import dev.compose2bake.support.DockerCompose;
import dev.compose2bake.support.Differential;

import static dev.compose2bake.support.Differential.pick;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares {@link Template} with docker compose on random templates: all those we evaluate go as build args into
 * one compose file per environment; each one we reject runs alone and must make compose fail too.
 */
class TemplateDifferentialTest {

  private static final int TEMPLATES = 300;
  private static final List<String> NAMES = List.of("A", "B", "C", "D_1", "e", "Ab");
  private static final List<String> VALUES = List.of("val", "x y", "$A", "{}", "a}b", "-", "${B}");
  private static final List<String> OPERATORS =
      List.of(":-", "-", ":-", "-", ":+", "+", ":+", "+", ":?", "?");
  private static final List<String> LITERALS =
      List.of("a", "b", " ", "-", ":", "+", "?", "/", ".", "x1", "\u00e9", "#", "'", "\"", "\\", "=", "_");
  private static final List<String> ODD = List.of("{", "}", "}}", "{}", "$", "$ ", "$-", "$1", "abc$", "$\u017F",
      "$$$", "\n");
  private static final List<String> INVALID = List.of("${A.B}", "${1X}", "${A:0:1}", "${", "${A", "${A:}", "${}",
      "${A/b}", "${A:-x\ny}", "${ A}");

  @Test
  void agreesWithDockerCompose(@TempDir Path dir) throws Exception {
    DockerCompose compose = DockerCompose.require();
    long seed = Differential.seed("TemplateDifferentialTest");
    Random random = new Random(seed);
    List<String> templates = new ArrayList<>();
    for (int i = 0; i < TEMPLATES; i++) {
      templates.add(template(random, 0));
    }
    List<String> mismatches = new ArrayList<>();
    List<Differential.Check> checks = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      Map<String, String> variables = environment(random, e);
      Map<String, String> all = new LinkedHashMap<>(compose.baseEnvironment());
      all.putAll(variables);
      Map<String, String> expected = new LinkedHashMap<>();
      Set<String> warned = new TreeSet<>();
      for (int i = 0; i < templates.size(); i++) {
        String key = String.format("T%03d", i);
        String text = templates.get(i);
        List<String> warnings = new ArrayList<>();
        try {
          expected.put(key, Template.parse(text).evaluate(Lookup.of(all), warnings::add));
          warnings.forEach(w -> warned.add(Differential.warnedName(w)));
        } catch (InterpolationException failure) {
          // Syntax errors do not depend on the variables: check them in the first environment only.
          if (e == 0 || failure.kind() == InterpolationException.Kind.MISSING_REQUIRED) {
            Path single = dir.resolve("env" + e + "-" + key);
            checks.add(() -> expectFailure(compose, single, variables, text, failure));
          }
        }
      }
      Path batch = dir.resolve("env" + e + "-batch");
      String label = "environment " + variables;
      checks.add(() -> expectValues(compose, batch, variables, templates, expected, warned, label));
    }
    System.out.printf("TemplateDifferentialTest: %d templates x 3 environments, %d compose runs%n",
        TEMPLATES, checks.size());
    Differential.runAll(checks, mismatches);
    assertTrue(mismatches.isEmpty(), () -> Differential.report(seed, mismatches));
  }

  private static Map<String, Object> composeWithArgs(Map<String, String> args) {
    Map<String, Object> build = Map.of("context", ".", "args", args);
    return Map.of("services", Map.of("s", Map.of("image", "x", "build", build)));
  }

  private static String expectValues(DockerCompose compose, Path dir, Map<String, String> variables,
      List<String> templates, Map<String, String> expected, Set<String> warned, String label)
      throws Exception {
    Map<String, String> args = new LinkedHashMap<>();
    expected.keySet().forEach(key -> args.put(key, templates.get(Integer.parseInt(key.substring(1)))));
    DockerCompose.Result result = compose.config(Differential.writeCompose(dir, composeWithArgs(args)), variables);
    if (result.exitCode() != 0) {
      List<String> culprits = new ArrayList<>();
      findFailing(compose, dir, variables, args, culprits);
      return label + ": compose fails on templates we evaluate: " + String.join(", ", culprits);
    }
    JsonNode printed = Differential.parse(result.stdout()).path("services").path("s").path("build").path("args");
    List<String> problems = new ArrayList<>();
    expected.forEach((key, value) -> {
      JsonNode actual = printed.get(key);
      String composeValue = actual == null ? null : DockerCompose.unescape(actual.asText());
      if (!value.equals(composeValue)) {
        problems.add(label + ": " + quote(args.get(key)) + " gives " + quote(value) + ", compose "
            + (composeValue == null ? "nothing" : quote(composeValue)));
      }
    });
    Set<String> composeWarned = Differential.warnedNames(result.stderr());
    if (!composeWarned.equals(warned)) {
      problems.add(label + ": we warn about " + warned + ", compose about " + composeWarned);
    }
    return problems.isEmpty() ? null : String.join("\n- ", problems);
  }

  /** Bisects {@code args} down to the templates that make compose fail on their own. */
  private static void findFailing(DockerCompose compose, Path dir, Map<String, String> variables,
      Map<String, String> args, List<String> culprits) throws Exception {
    DockerCompose.Result result = compose.config(Differential.writeCompose(dir, composeWithArgs(args)), variables);
    if (result.exitCode() == 0) {
      return;
    }
    if (args.size() == 1) {
      culprits.add(quote(args.values().iterator().next()) + " (" + Differential.errorLine(result.stderr()) + ")");
      return;
    }
    List<String> keys = new ArrayList<>(args.keySet());
    Map<String, String> half = new LinkedHashMap<>();
    keys.subList(0, keys.size() / 2).forEach(key -> half.put(key, args.get(key)));
    findFailing(compose, dir, variables, half, culprits);
    half.clear();
    keys.subList(keys.size() / 2, keys.size()).forEach(key -> half.put(key, args.get(key)));
    findFailing(compose, dir, variables, half, culprits);
  }

  private static String expectFailure(DockerCompose compose, Path dir, Map<String, String> variables,
      String template, InterpolationException failure) throws Exception {
    Path written = Differential.writeCompose(dir, composeWithArgs(Map.of("T", template)));
    DockerCompose.Result result = compose.config(written, variables);
    String what = quote(template) + " with " + variables;
    if (result.exitCode() == 0) {
      return what + ": we fail (" + failure.getMessage() + "), compose gives "
          + Differential.parse(result.stdout()).path("services").path("s").path("build").path("args");
    }
    // A missing required variable is found in the same order by both, so the messages must agree.
    boolean agrees = failure.kind() == InterpolationException.Kind.MISSING_REQUIRED
        ? result.stderr().contains(failure.getMessage())
        : result.stderr().contains("invalid interpolation format")
            || result.stderr().contains("is missing a value");
    return agrees ? null : what + ": we fail with " + quote(failure.getMessage()) + ", compose with "
        + quote(Differential.errorLine(result.stderr()));
  }

  /** Environment {@code index}: each name is set, empty or unset, in rotation across the three environments. */
  private static Map<String, String> environment(Random random, int index) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 0; i < NAMES.size(); i++) {
      switch ((i + index) % 3) {
        case 0 -> variables.put(NAMES.get(i), pick(random, VALUES));
        case 1 -> variables.put(NAMES.get(i), "");
        default -> { }
      }
    }
    return variables;
  }

  private static String template(Random random, int depth) {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(depth == 0 ? 4 : 3);
    for (int i = 0; i < pieces; i++) {
      text.append(piece(random, depth));
    }
    return text.toString();
  }

  private static String piece(Random random, int depth) {
    int kind = random.nextInt(100);
    if (kind < 22) {
      StringBuilder literal = new StringBuilder();
      for (int i = random.nextInt(4); i >= 0; i--) {
        literal.append(pick(random, LITERALS));
      }
      return literal.toString();
    } else if (kind < 28) {
      return "$$";
    } else if (kind < 38) {
      return "$" + name(random);
    } else if (kind < 48) {
      return "${" + name(random) + "}";
    } else if (kind < 84 && depth < 3) {
      String argument = random.nextInt(5) == 0 ? "" : template(random, depth + 1);
      return "${" + name(random) + pick(random, OPERATORS) + argument + "}";
    } else if (kind < 97) {
      return pick(random, ODD);
    }
    return pick(random, INVALID);
  }

  private static String name(Random random) {
    return random.nextInt(40) == 0 ? pick(random, List.of("\u017F", "\u212A", "Z_9")) : pick(random, NAMES);
  }

  private static String quote(String s) {
    return InterpolationException.quote(s);
  }
}
