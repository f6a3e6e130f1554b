package dev.compose2bake.gocompat;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How go-yaml v3 (the YAML library under compose-go) resolves a plain scalar (unquoted, no tag)
 * decoded into {@code interface{}}, and how Go's {@code fmt.Sprint} prints the result. compose-go
 * stringifies {@code build.args} and {@code labels} map values this way, so {@code 1.10} becomes
 * {@code "1.1"}, {@code 0x1F} becomes {@code "31"}, {@code 010} (YAML 1.1 octal) becomes
 * {@code "8"} and {@code yes} stays {@code "yes"}.
 *
 * <p>Resolution rules (go-yaml v3 {@code resolve.go}), by the first character:
 * <ul>
 *   <li>{@code ""}, {@code ~}, {@code null}, {@code Null}, {@code NULL}: null;
 *       {@code true/True/TRUE}, {@code false/False/FALSE}: Boolean (not {@code yes}, {@code on});
 *       {@code .inf}, {@code +.inf}, {@code -.inf}, {@code .nan} (three spellings each): Double.</li>
 *   <li>starting with {@code .}: a Go {@code ParseFloat} of the text (underscores allowed between
 *       digits), else the string.</li>
 *   <li>starting with a digit, {@code +} or {@code -}: a timestamp ({@code 2001-12-14},
 *       {@code 2001-12-14T21:59:43.1Z}, ...) gives a {@link Timestamp}; otherwise, with every
 *       {@code _} removed: {@code ParseInt(s, 0, 64)} (sign, {@code 0x}/{@code 0o}/{@code 0b}
 *       prefixes, leading {@code 0} = octal) gives a Long, {@code ParseUint} a BigInteger (values
 *       between 2^63 and 2^64-1), a YAML-style float a Double ({@code 1e3}, {@code 08},
 *       {@code 09.5}); {@code 0b-101}/{@code 0o-17} are read with the sign after the prefix.</li>
 *   <li>anything else is the string itself. Out-of-range floats ({@code 1e400}) and integers
 *       that fit nowhere ({@code 0x10000000000000000}) stay strings.</li>
 * </ul>
 */
public final class GoYamlScalar {
  private GoYamlScalar() {}

  /**
   * A YAML timestamp, which go-yaml decodes to Go's {@code time.Time}. buildx rejects it in
   * {@code build.args} and {@code labels} ({@code invalid jsonType time.Time}).
   *
   * @param text the scalar as written
   * @param offsetSeconds the zone offset, or null when the scalar has none (UTC)
   */
  public record Timestamp(String text, int year, int month, int day, int hour, int minute,
      int second, int nanos, Integer offsetSeconds) {

    /** Go's {@code time.Time.String()}, assuming the local zone is UTC. */
    public String goString() {
      StringBuilder sb = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d",
          year, month, day, hour, minute, second));
      if (nanos != 0) {
        String frac = String.format("%09d", nanos).replaceFirst("0+$", "");
        sb.append('.').append(frac);
      }
      if (offsetSeconds == null || offsetSeconds == 0) {
        sb.append(" +0000 UTC");
      } else {
        int off = Math.abs(offsetSeconds);
        String zone = String.format("%s%02d%02d", offsetSeconds < 0 ? "-" : "+",
            off / 3600, off / 60 % 60);
        sb.append(' ').append(zone).append(' ').append(zone);
      }
      return sb.toString();
    }
  }

  private static final Map<String, Object> FIXED = Map.ofEntries(
      Map.entry("true", Boolean.TRUE), Map.entry("True", Boolean.TRUE), Map.entry("TRUE", Boolean.TRUE),
      Map.entry("false", Boolean.FALSE), Map.entry("False", Boolean.FALSE), Map.entry("FALSE", Boolean.FALSE),
      Map.entry(".nan", Double.NaN), Map.entry(".NaN", Double.NaN), Map.entry(".NAN", Double.NaN),
      Map.entry(".inf", Double.POSITIVE_INFINITY), Map.entry(".Inf", Double.POSITIVE_INFINITY),
      Map.entry(".INF", Double.POSITIVE_INFINITY),
      Map.entry("+.inf", Double.POSITIVE_INFINITY), Map.entry("+.Inf", Double.POSITIVE_INFINITY),
      Map.entry("+.INF", Double.POSITIVE_INFINITY),
      Map.entry("-.inf", Double.NEGATIVE_INFINITY), Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
      Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  private static final java.util.Set<String> NULLS = java.util.Set.of("~", "null", "Null", "NULL");

  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /**
   * Resolves a plain scalar. Returns null, a Boolean, a Long, a BigInteger (only for values
   * that need uint64), a Double, a {@link Timestamp}, or {@code plain} itself.
   */
  public static Object resolve(String plain) {
    if (plain.isEmpty() || NULLS.contains(plain)) {
      return null;
    }
    char c = plain.charAt(0);
    char hint;
    if (c == '+' || c == '-') {
      hint = 'S';
    } else if (c >= '0' && c <= '9') {
      hint = 'D';
    } else if ("yYnNtTfFoO~".indexOf(c) >= 0) {
      hint = 'M';
    } else if (c == '.') {
      hint = '.';
    } else {
      return plain;
    }
    Object fixed = FIXED.get(plain);
    if (fixed != null) {
      return fixed;
    }
    switch (hint) {
      case 'M':
        return plain;
      case '.':
        try {
          return GoStrconv.parseFloat(plain);
        } catch (GoStrconv.NumError e) {
          return plain;
        }
      default:
        return resolveNumber(plain);
    }
  }

  private static Object resolveNumber(String in) {
    Timestamp ts = parseTimestamp(in);
    if (ts != null) {
      return ts;
    }
    String plain = in.replace("_", "");
    try {
      return GoStrconv.parseInt(plain, 0);
    } catch (GoStrconv.NumError ignored) {
      // try unsigned next
    }
    try {
      return GoStrconv.parseUint(plain, 0);
    } catch (GoStrconv.NumError ignored) {
      // try float next
    }
    if (YAML_FLOAT.matcher(plain).matches()) {
      try {
        return GoStrconv.parseFloat(plain);
      } catch (GoStrconv.NumError ignored) {
        // fall through
      }
    }
    if (plain.startsWith("0b")) {
      Object v = signedOrUnsigned(plain.substring(2), 2);
      if (v != null) {
        return v;
      }
    } else if (plain.startsWith("-0b")) {
      Object v = signedOnly("-" + plain.substring(3), 2);
      if (v != null) {
        return v;
      }
    }
    if (plain.startsWith("0o")) {
      Object v = signedOrUnsigned(plain.substring(2), 8);
      if (v != null) {
        return v;
      }
    } else if (plain.startsWith("-0o")) {
      Object v = signedOnly("-" + plain.substring(3), 8);
      if (v != null) {
        return v;
      }
    }
    return in;
  }

  private static Object signedOrUnsigned(String digits, int base) {
    Object v = signedOnly(digits, base);
    if (v != null) {
      return v;
    }
    try {
      return GoStrconv.parseUint(digits, base);
    } catch (GoStrconv.NumError e) {
      return null;
    }
  }

  private static Object signedOnly(String digits, int base) {
    try {
      return GoStrconv.parseInt(digits, base);
    } catch (GoStrconv.NumError e) {
      return null;
    }
  }

  /**
   * Prints a resolved value as Go's {@code fmt.Sprint} would: integers in decimal, floats in the
   * shortest form with Go's exponent style ({@code 1e+06}, {@code 1.2345678901234567e+19},
   * {@code +Inf}, {@code NaN}), booleans as {@code true}/{@code false}, timestamps as
   * {@code time.Time.String()}. Null prints as the empty string: compose-go maps a null value
   * to an unset entry and never passes it to {@code fmt.Sprint} (which would give {@code <nil>}).
   */
  public static String sprint(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Double d) {
      return GoStrconv.sprintFloat(d);
    }
    if (value instanceof Float f) {
      return GoStrconv.sprintFloat(f.doubleValue());
    }
    if (value instanceof Timestamp t) {
      return t.goString();
    }
    throw new IllegalArgumentException("not a resolved YAML scalar: " + value.getClass().getName());
  }

  /** {@code sprint(resolve(plain))}: the string compose-go makes of a plain scalar. */
  public static String stringify(String plain) {
    return sprint(resolve(plain));
  }

  // ------------------------------------------------------------------ timestamps

  /**
   * go-yaml's timestamp check: four digits and a dash, then one of the layouts
   * {@code 2006-1-2T15:4:5.999999999Z07:00} (also with {@code t}),
   * {@code 2006-1-2 15:4:5.999999999} or {@code 2006-1-2}, as Go's {@code time.Parse} reads them.
   */
  static Timestamp parseTimestamp(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i != 4 || i == s.length() || s.charAt(i) != '-') {
      return null;
    }
    for (String layout : new String[] {"T", "t", " ", ""}) {
      Timestamp t = parseLayout(s, layout);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /** Parses with the date layout, then (unless sep is empty) sep, the time and maybe a zone. */
  private static Timestamp parseLayout(String s, String sep) {
    Cursor cur = new Cursor(s);
    int year = cur.fixedDigits(4);
    if (year < 0 || !cur.literal('-')) {
      return null;
    }
    int month = cur.num();
    if (month < 0 || !cur.literal('-')) {
      return null;
    }
    int day = cur.num();
    if (day < 0) {
      return null;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    Integer offset = null;
    if (!sep.isEmpty()) {
      if (sep.equals(" ")) {
        if (!cur.spaces()) {
          return null;
        }
      } else if (!cur.literal(sep.charAt(0))) {
        return null;
      }
      hour = cur.num();
      if (hour < 0 || !cur.literal(':')) {
        return null;
      }
      minute = cur.num();
      if (minute < 0 || !cur.literal(':')) {
        return null;
      }
      second = cur.num();
      if (second < 0) {
        return null;
      }
      nanos = cur.fraction();
      if (!sep.equals(" ")) {
        if (cur.literal('Z')) {
          offset = 0;
        } else {
          Integer off = cur.zone();
          if (off == null) {
            return null;
          }
          offset = off;
        }
      }
    }
    if (!cur.atEnd()) {
      return null;
    }
    if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    return new Timestamp(s, year, month, day, hour, minute, second, nanos, offset);
  }

  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos == s.length();
    }

    private boolean digitAt(int i) {
      return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    int fixedDigits(int n) {
      int v = 0;
      for (int k = 0; k < n; k++) {
        if (!digitAt(pos + k)) {
          return -1;
        }
        v = v * 10 + (s.charAt(pos + k) - '0');
      }
      pos += n;
      return v;
    }

    /** Go's {@code getnum(s, false)}: one or two digits. */
    int num() {
      if (!digitAt(pos)) {
        return -1;
      }
      if (!digitAt(pos + 1)) {
        return s.charAt(pos++) - '0';
      }
      int v = (s.charAt(pos) - '0') * 10 + (s.charAt(pos + 1) - '0');
      pos += 2;
      return v;
    }

    boolean literal(char c) {
      if (pos < s.length() && s.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** A layout space matches one or more spaces. */
    boolean spaces() {
      if (pos >= s.length() || s.charAt(pos) != ' ') {
        return false;
      }
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
      return true;
    }

    /** Optional {@code .digits} or {@code ,digits}; any number of digits, nanoseconds kept. */
    int fraction() {
      if (pos + 1 < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == ',') && digitAt(pos + 1)) {
        int start = pos + 1;
        int end = start;
        while (digitAt(end)) {
          end++;
        }
        String digits = s.substring(start, Math.min(end, start + 9));
        pos = end;
        return Integer.parseInt((digits + "000000000").substring(0, 9));
      }
      return 0;
    }

    /** {@code Z07:00} without the Z: {@code ±hh:mm}. */
    Integer zone() {
      if (s.length() - pos < 6 || s.charAt(pos + 3) != ':') {
        return null;
      }
      char sign = s.charAt(pos);
      if ((sign != '+' && sign != '-') || !digitAt(pos + 1) || !digitAt(pos + 2)
          || !digitAt(pos + 4) || !digitAt(pos + 5)) {
        return null;
      }
      int hh = Integer.parseInt(s.substring(pos + 1, pos + 3));
      int mm = Integer.parseInt(s.substring(pos + 4, pos + 6));
      if (hh > 24 || mm > 60) {
        return null;
      }
      pos += 6;
      int off = hh * 3600 + mm * 60;
      return sign == '-' ? -off : off;
    }
  }
}
