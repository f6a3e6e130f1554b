package dev.compose2bake.source;

import java.util.Locale;

/**
 * Bounds that keep hostile or broken input harmless: each is far above what a real Compose project
 * needs and each has its own clear error, which names the limit and how to raise it. They can be
 * changed for one run through the process environment (never through a project's {@code .env}):
 * {@code COMPOSE2BAKE_LIMITS=services=20000,bytes=134217728}.
 *
 * @param maxBytes the size of one input file, in bytes
 * @param maxDepth how deeply mappings and lists may nest
 * @param maxExpandedNodes the number of YAML nodes after aliases and extends are expanded
 * @param maxStringLength the length of one string, in characters
 * @param maxServices the number of services of the loaded project
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes, int maxStringLength, int maxServices) {

  /** 64 MiB per file, 500 levels of nesting, 5 million nodes, 8 MiB per string, 10,000 services. */
  public static final YamlLimits DEFAULT = new YamlLimits(64 << 20, 500, 5_000_000L, 8 << 20, 10_000);

  /** The environment variable that changes the limits for one run. */
  public static final String VARIABLE = "COMPOSE2BAKE_LIMITS";

  /** The names used in {@link #VARIABLE}, in the order of the record's components. */
  public static final String BYTES = "bytes";
  public static final String DEPTH = "depth";
  public static final String NODES = "nodes";
  public static final String STRING = "string";
  public static final String SERVICES = "services";

  /**
   * The default limits changed by a {@code name=value,...} list (null or blank: the defaults).
   *
   * @throws IllegalArgumentException with a message for the user when the list is malformed
   */
  public static YamlLimits parse(String spec) {
    YamlLimits l = DEFAULT;
    if (spec == null || spec.isBlank()) {
      return l;
    }
    for (String part : spec.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      String name = eq < 0 ? p : p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      long value;
      try {
        value = eq < 0 ? -1 : Long.parseLong(p.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        value = -1;
      }
      if (value < 1 || (value > Integer.MAX_VALUE && !name.equals(NODES))) {
        throw new IllegalArgumentException(VARIABLE + ": \"" + p + "\" is not NAME=POSITIVE-NUMBER");
      }
      int v = (int) Math.min(value, Integer.MAX_VALUE);
      l = switch (name) {
        case BYTES -> new YamlLimits(v, l.maxDepth, l.maxExpandedNodes, l.maxStringLength, l.maxServices);
        case DEPTH -> new YamlLimits(l.maxBytes, v, l.maxExpandedNodes, l.maxStringLength, l.maxServices);
        case NODES -> new YamlLimits(l.maxBytes, l.maxDepth, value, l.maxStringLength, l.maxServices);
        case STRING -> new YamlLimits(l.maxBytes, l.maxDepth, l.maxExpandedNodes, v, l.maxServices);
        case SERVICES -> new YamlLimits(l.maxBytes, l.maxDepth, l.maxExpandedNodes, l.maxStringLength, v);
        default -> throw new IllegalArgumentException(VARIABLE + ": unknown limit \"" + name + "\"; known: "
            + String.join(", ", BYTES, DEPTH, NODES, STRING, SERVICES));
      };
    }
    return l;
  }

  /** The second half of every limit's hint: how to raise it when the input is genuine. */
  public static String raise(String name, long current) {
    long doubled = current > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : current * 2;
    return "if the input is genuine, raise the limit for the run: " + VARIABLE + "=" + name + "=" + doubled;
  }
}
