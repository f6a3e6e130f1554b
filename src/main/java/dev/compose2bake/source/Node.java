package dev.compose2bake.source;

/**
 * A YAML node that remembers where it came from. The loader works on these trees (interpolation,
 * merging, extends) and the decoder turns them into the typed Compose model, so every later error
 * can point at the file, line and column of the value it is about.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

  Position position();

  /** An explicit local tag such as {@code !reset} or {@code !override}, or null. */
  String tag();

  /**
   * The number of nodes this node stands for once YAML aliases are expanded (saturating). It
   * bounds the work of every later pass, which is what keeps "billion laughs" documents harmless.
   */
  long expandedSize();

  /** The same node with another tag (null removes it). */
  Node withTag(String newTag);

  /** A short name of the node's kind for messages: "a mapping", "a list", "a string", ... */
  String kindName();

  static long addSizes(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
