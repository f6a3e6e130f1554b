package dev.compose2bake.source;

import java.math.BigInteger;

/** Placeholder: plain-scalar resolution and Go-style printing (to be replaced by the full version). */
public final class GoValues {
  private GoValues() {}

  public static Object resolvePlain(String s) {
    switch (s) {
      case "", "~", "null", "Null", "NULL":
        return null;
      case "true", "True", "TRUE":
        return Boolean.TRUE;
      case "false", "False", "FALSE":
        return Boolean.FALSE;
      default:
        break;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      // not an int
    }
    try {
      if (s.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) {
        return Double.parseDouble(s);
      }
    } catch (NumberFormatException e) {
      // not a float
    }
    return s;
  }

  public static String sprint(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e21) {
        return new java.math.BigDecimal(d).toBigInteger().toString();
      }
      return d.toString();
    }
    if (value instanceof BigInteger b) {
      return b.toString();
    }
    return value.toString();
  }
}
