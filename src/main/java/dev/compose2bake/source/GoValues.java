package dev.compose2bake.source;

import dev.compose2bake.gocompat.GoYamlScalar;

/** Plain-scalar resolution as go-yaml v3 does it, and printing as Go's fmt.Sprint does it. */
public final class GoValues {
  private GoValues() {}

  /** null, Boolean, Long, BigInteger, Double, a YAML timestamp, or the string itself. */
  public static Object resolvePlain(String s) {
    return GoYamlScalar.resolve(s);
  }

  public static String sprint(Object value) {
    return GoYamlScalar.sprint(value);
  }
}
