package dev.compose2bake.lower;

/** Placeholder until the go-units component lands. */
public final class GoUnits {
  private GoUnits() {}

  public static long ramInBytes(String s) {
    String t = s.strip().toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kmgtp])?(i?b)?$").matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    double v = Double.parseDouble(m.group(1));
    String u = m.group(2);
    long mul = u == null ? 1 : switch (u) {
      case "k" -> 1L << 10;
      case "m" -> 1L << 20;
      case "g" -> 1L << 30;
      case "t" -> 1L << 40;
      default -> 1L << 50;
    };
    return (long) (v * mul);
  }

  public static String exactShmSize(long bytes) {
    return Long.toString(bytes);
  }
}
