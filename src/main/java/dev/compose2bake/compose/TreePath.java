package dev.compose2bake.compose;

import java.util.Arrays;

/**
 * A path into a Compose document, such as {@code services.web.build.args}, kept as segments so
 * that service names with dots stay one segment. Patterns use {@code *} for any one segment.
 */
record TreePath(String[] segments) {
  static final TreePath ROOT = new TreePath(new String[0]);

  TreePath next(String segment) {
    String[] s = Arrays.copyOf(segments, segments.length + 1);
    s[segments.length] = segment;
    return new TreePath(s);
  }

  int length() {
    return segments.length;
  }

  String segment(int i) {
    return segments[i];
  }

  /** Whether this path matches a dotted pattern whose {@code *} segments match any one segment. */
  boolean matches(String pattern) {
    String[] p = pattern.split("\\.");
    if (p.length != segments.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (!p[i].equals("*") && !p[i].equals(segments[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return String.join(".", segments);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreePath t && Arrays.equals(segments, t.segments);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(segments);
  }
}
