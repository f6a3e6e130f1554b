package dev.compose2bake.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared pieces of the differential tests against {@code docker compose config}. */
public final class Differential {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final long DEFAULT_SEED = 20_251_203L;
  private static final Pattern WARNING = Pattern.compile("The \\\\\"(.*?)\\\\\" variable is not set");

  private Differential() {
  }

  /** The seed from -Ddifferential.seed, else a fixed one; printed so that a failure can be replayed. */
  public static long seed(String test) {
    long seed = Long.getLong("differential.seed", DEFAULT_SEED);
    System.out.println(test + ": seed " + seed + " (replay or vary with -Ddifferential.seed=N)");
    return seed;
  }

  public static <T> T pick(Random random, List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** Writes {@code compose} as {@code dir/compose.yaml} (JSON is YAML) and returns {@code dir}. */
  public static Path writeCompose(Path dir, Object compose) throws IOException {
    Files.createDirectories(dir);
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("compose.yaml").toFile(), compose);
    return dir;
  }

  public static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  /** The names in compose's "variable is not set" warnings. */
  public static Set<String> warnedNames(String stderr) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = WARNING.matcher(stderr);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The variable name our interpolation reports as unset (it reports the bare name). */
  public static String warnedName(String warning) {
    return warning;
  }

  /** The first line of compose's stderr that is not a warning, for short reports. */
  public static String errorLine(String stderr) {
    return stderr.lines().filter(line -> !line.contains("level=warning")).findFirst().orElse(stderr.strip());
  }

  /** A task that runs compose once and returns a mismatch description, or null when all agrees. */
  public interface Check {
    public String run() throws Exception;
  }

  /** Runs the checks a few at a time and adds each mismatch to {@code mismatches}. */
  public static void runAll(List<Check> checks, List<String> mismatches) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (Check check : checks) {
        results.add(pool.submit(check::run));
      }
      for (Future<String> result : results) {
        String mismatch = result.get();
        if (mismatch != null) {
          mismatches.add(mismatch);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fails with the seed and the first mismatches. */
  public static String report(long seed, List<String> mismatches) {
    StringBuilder report = new StringBuilder(mismatches.size() + " mismatch(es) with docker compose (seed "
        + seed + "):");
    mismatches.stream().limit(25).forEach(m -> report.append("\n- ").append(m));
    return report.toString();
  }
}
