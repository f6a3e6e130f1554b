package dev.compose2bake.source;

/**
 * Bounds that keep hostile or broken input harmless: each is far above what a real Compose project
 * needs and each has its own clear error.
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxExpandedNodes, int maxStringLength) {

  /** 64 MiB of YAML, 500 levels of nesting, 5 million nodes after alias expansion, 8 MiB per string. */
  public static final YamlLimits DEFAULT = new YamlLimits(64 << 20, 500, 5_000_000L, 8 << 20);
}
