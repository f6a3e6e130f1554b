package dev.compose2bake.gocompat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;

/**
 * Go standard-library behaviour that the other classes depend on: {@code strconv} number parsing
 * and formatting, {@code strconv.Quote}, {@code strings.TrimSpace} and byte-wise string order.
 * Written from the documented Go semantics; package-private.
 */
public final class GoStrconv {
  private GoStrconv() {}

  /** A {@code *strconv.NumError}: {@code strconv.<func>: parsing "<input>": <reason>}. */
  public static final class NumError extends Exception {
    private static final long serialVersionUID = 1L;
    private final String func;
    private final String input;
    final boolean range;

    /**
     * No stack trace and the message made only when asked for: the YAML scalar rules try one
     * number syntax after another, and most failures are never shown.
     */
    NumError(String func, String input, boolean range) {
      super(null, null, false, false);
      this.func = func;
      this.input = input;
      this.range = range;
    }

    @Override
    public String getMessage() {
      return "strconv." + func + ": parsing " + quote(input) + ": " + (range ? "value out of range" : "invalid syntax");
    }
  }

  public static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** Orders strings by their UTF-8 bytes, as Go compares strings (and sorts map keys). */
  public static final Comparator<String> BYTE_ORDER = GoStrconv::compareBytes;

  public static int compareBytes(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  // ------------------------------------------------------------------ integers

  /** {@code strconv.ParseUint(s, base, 64)}; base 0 means "from the prefix". */
  public static BigInteger parseUint(String s, int base) throws NumError {
    return parseUint(s, base, "ParseUint");
  }

  private static BigInteger parseUint(String s, int base, String func) throws NumError {
    if (s.isEmpty()) {
      throw new NumError(func, s, false);
    }
    boolean base0 = base == 0;
    String s0 = s;
    if (base0) {
      base = 10;
      if (s.charAt(0) == '0') {
        if (s.length() >= 3 && lower(s.charAt(1)) == 'b') {
          base = 2;
          s = s.substring(2);
        } else if (s.length() >= 3 && lower(s.charAt(1)) == 'o') {
          base = 8;
          s = s.substring(2);
        } else if (s.length() >= 3 && lower(s.charAt(1)) == 'x') {
          base = 16;
          s = s.substring(2);
        } else {
          base = 8;
          s = s.substring(1);
        }
      }
    }
    BigInteger n = BigInteger.ZERO;
    BigInteger bigBase = BigInteger.valueOf(base);
    boolean underscores = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c == '_' && base0) {
        underscores = true;
        continue;
      } else if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (lower(c) >= 'a' && lower(c) <= 'z') {
        d = lower(c) - 'a' + 10;
      } else {
        throw new NumError(func, s0, false);
      }
      if (d >= base) {
        throw new NumError(func, s0, false);
      }
      n = n.multiply(bigBase).add(BigInteger.valueOf(d));
      if (n.compareTo(UINT64_MAX) > 0) {
        throw new NumError(func, s0, true);
      }
    }
    if (underscores && !underscoreOk(s0)) {
      throw new NumError(func, s0, false);
    }
    return n;
  }

  /** {@code strconv.ParseInt(s, base, 64)}. */
  public static long parseInt(String s, int base) throws NumError {
    if (s.isEmpty()) {
      throw new NumError("ParseInt", s, false);
    }
    String s0 = s;
    boolean neg = false;
    if (s.charAt(0) == '+') {
      s = s.substring(1);
    } else if (s.charAt(0) == '-') {
      neg = true;
      s = s.substring(1);
    }
    BigInteger un;
    try {
      un = parseUint(s, base, "ParseInt");
    } catch (NumError e) {
      throw new NumError("ParseInt", s0, e.range);
    }
    BigInteger cutoff = BigInteger.ONE.shiftLeft(63);
    if (!neg && un.compareTo(cutoff) >= 0) {
      throw new NumError("ParseInt", s0, true);
    }
    if (neg && un.compareTo(cutoff) > 0) {
      throw new NumError("ParseInt", s0, true);
    }
    return neg ? un.negate().longValue() : un.longValue();
  }

  /** {@code strconv.ParseBool}. */
  public static boolean parseBool(String s) throws NumError {
    switch (s) {
      case "1": case "t": case "T": case "TRUE": case "true": case "True":
        return true;
      case "0": case "f": case "F": case "FALSE": case "false": case "False":
        return false;
      default:
        throw new NumError("ParseBool", s, false);
    }
  }

  /** Go's {@code underscoreOK}: underscores only between digits or after a base prefix. */
  public static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0'
        && (lower(s.charAt(1)) == 'b' || lower(s.charAt(1)) == 'o' || lower(s.charAt(1)) == 'x')) {
      i = 2;
      saw = '0';
      hex = lower(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  private static char lower(char c) {
    return (char) (c | ('x' - 'X'));
  }

  // ------------------------------------------------------------------ floats

  /**
   * {@code strconv.ParseFloat(s, 64)}: decimal and hexadecimal (with a mandatory {@code p}
   * exponent) forms, underscores per the Go literal rules, {@code inf}/{@code infinity}/{@code
   * nan} in any case. Overflow is a range error; underflow silently gives zero.
   */
  public static double parseFloat(String s) throws NumError {
    Double special = special(s);
    if (special != null) {
      return special;
    }
    String normalized = scanFloat(s);
    if (normalized == null) {
      throw new NumError("ParseFloat", s, false);
    }
    double v = Double.parseDouble(normalized);
    if (Double.isInfinite(v)) {
      throw new NumError("ParseFloat", s, true);
    }
    return v;
  }

  private static Double special(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int sign = 1;
    String rest = s;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      if (c0 == '-') {
        sign = -1;
      }
      rest = s.substring(1);
      return matchesInf(rest) ? (sign > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY) : null;
    }
    if (c0 == 'i' || c0 == 'I') {
      return matchesInf(rest) ? Double.POSITIVE_INFINITY : null;
    }
    if ((c0 == 'n' || c0 == 'N') && rest.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    return null;
  }

  private static boolean matchesInf(String s) {
    return s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("infinity");
  }

  /**
   * Validates {@code s} against Go's {@code readFloat} grammar and returns an equivalent string
   * that {@link Double#parseDouble} reads to the same value, or null for a syntax error.
   */
  private static String scanFloat(String s) {
    int i = 0;
    int n = s.length();
    StringBuilder out = new StringBuilder();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      out.append(s.charAt(i));
      i++;
    }
    boolean hex = false;
    if (i + 2 < n && s.charAt(i) == '0' && lower(s.charAt(i + 1)) == 'x') {
      hex = true;
      out.append("0x");
      i += 2;
    }
    boolean sawDot = false;
    boolean sawDigits = false;
    boolean underscores = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.') {
        if (sawDot) {
          break;
        }
        sawDot = true;
        out.append('.');
      } else if (c >= '0' && c <= '9') {
        sawDigits = true;
        out.append(c);
      } else if (hex && lower(c) >= 'a' && lower(c) <= 'f') {
        sawDigits = true;
        out.append(c);
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return null;
    }
    char expChar = hex ? 'p' : 'e';
    if (i < n && lower(s.charAt(i)) == expChar) {
      out.append(expChar);
      i++;
      if (i >= n) {
        return null;
      }
      if (s.charAt(i) == '+' || s.charAt(i) == '-') {
        out.append(s.charAt(i));
        i++;
      }
      if (i >= n || s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
      boolean any = false;
      for (; i < n && ((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '_'); i++) {
        if (s.charAt(i) == '_') {
          underscores = true;
          continue;
        }
        any = true;
        out.append(s.charAt(i));
      }
      if (!any) {
        return null;
      }
    } else if (hex) {
      return null;
    }
    if (i != n) {
      return null;
    }
    if (underscores && !underscoreOk(s)) {
      return null;
    }
    String result = out.toString();
    if (!hex) {
      // Very long exponents would overflow Java's exponent parsing; clamp them.
      int e = result.indexOf('e');
      if (e >= 0) {
        String exp = result.substring(e + 1);
        String digits = exp.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
        if (digits.length() > 9) {
          boolean negExp = exp.startsWith("-");
          result = result.substring(0, e + 1) + (negExp ? "-" : "") + "999999999";
        }
      }
    }
    return result;
  }

  /** The value of a Go float, exactly; zero for ±0. */
  private static BigDecimal exact(double v) {
    return new BigDecimal(v);
  }

  /** Decimal digits (no leading or trailing zeros) and the decimal point position. */
  public record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }

    char at(int i) {
      return i >= 0 && i < d.length() ? d.charAt(i) : '0';
    }
  }

  private static Digits toDigits(BigDecimal positive) {
    if (positive.signum() == 0) {
      return new Digits("", 0);
    }
    BigDecimal stripped = positive.stripTrailingZeros();
    String unscaled = stripped.unscaledValue().toString();
    int dp = unscaled.length() - stripped.scale();
    return new Digits(unscaled, dp);
  }

  /** The shortest decimal that reads back as {@code v} (Go's shortest formatting). */
  public static Digits shortestDigits(double v) {
    double a = Math.abs(v);
    if (a == 0) {
      return new Digits("", 0);
    }
    BigDecimal ex = exact(a);
    for (int p = 1; p <= 17; p++) {
      BigDecimal down = ex.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = ex.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = Double.parseDouble(down.toString()) == a;
      boolean upOk = Double.parseDouble(up.toString()) == a;
      if (downOk && upOk) {
        int cmp = ex.subtract(down).compareTo(up.subtract(ex));
        if (cmp < 0) {
          return toDigits(down);
        }
        if (cmp > 0) {
          return toDigits(up);
        }
        return toDigits(ex.round(new MathContext(p, RoundingMode.HALF_EVEN)));
      }
      if (downOk) {
        return toDigits(down);
      }
      if (upOk) {
        return toDigits(up);
      }
    }
    return toDigits(ex.round(new MathContext(17, RoundingMode.HALF_EVEN)));
  }

  /** {@code strconv.FormatFloat(v, 'g', -1, 64)} for finite values. */
  public static String formatShortestG(double v) {
    Digits digs = shortestDigits(v);
    boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    return formatG(neg, digs, digs.nd(), true);
  }

  /** {@code strconv.FormatFloat(v, 'g', prec, 64)} for finite values and prec &gt;= 1. */
  public static String formatFixedG(double v, int prec) {
    boolean neg = (Double.doubleToRawLongBits(v) & Long.MIN_VALUE) != 0;
    double a = Math.abs(v);
    Digits digs = a == 0 ? new Digits("", 0)
        : toDigits(exact(a).round(new MathContext(prec, RoundingMode.HALF_EVEN)));
    return formatG(neg, digs, prec, false);
  }

  private static String formatG(boolean neg, Digits digs, int prec, boolean shortest) {
    int eprec = prec;
    if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
      eprec = digs.nd();
    }
    if (shortest) {
      eprec = 6;
    }
    int exp = digs.dp() - 1;
    StringBuilder sb = new StringBuilder();
    if (neg) {
      sb.append('-');
    }
    if (exp < -4 || exp >= eprec) {
      if (prec > digs.nd()) {
        prec = digs.nd();
      }
      fmtE(sb, digs, prec - 1);
      return sb.toString();
    }
    if (prec > digs.dp()) {
      prec = digs.nd();
    }
    fmtF(sb, digs, Math.max(prec - digs.dp(), 0));
    return sb.toString();
  }

  private static void fmtE(StringBuilder sb, Digits d, int prec) {
    sb.append(d.nd() == 0 ? '0' : d.at(0));
    if (prec > 0) {
      sb.append('.');
      for (int i = 1; i <= prec; i++) {
        sb.append(d.at(i));
      }
    }
    sb.append('e');
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    if (exp < 0) {
      sb.append('-');
      exp = -exp;
    } else {
      sb.append('+');
    }
    if (exp < 10) {
      sb.append('0').append(exp);
    } else {
      sb.append(exp);
    }
  }

  private static void fmtF(StringBuilder sb, Digits d, int prec) {
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      sb.append(d.d(), 0, m);
      for (; m < d.dp(); m++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        sb.append(d.at(d.dp() + i));
      }
    }
  }

  /** How {@code fmt} prints a float64 with {@code %v}: shortest 'g', {@code +Inf}, {@code NaN}. */
  public static String sprintFloat(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return formatShortestG(v);
  }

  /** How {@code fmt} prints a float64 with {@code %.<prec>g}. */
  public static String sprintFloatPrec(double v, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return formatFixedG(v, prec);
  }

  /** Go's conversion {@code int64(f)} on amd64: out-of-range and NaN give MinInt64. */
  public static long goInt64(double f) {
    if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) f;
  }

  // ------------------------------------------------------------------ text

  /** {@code strconv.Quote}: Go's double-quoted string literal for {@code s}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"': sb.append("\\\""); continue;
        case '\\': sb.append("\\\\"); continue;
        case 0x07: sb.append("\\a"); continue;
        case '\b': sb.append("\\b"); continue;
        case '\f': sb.append("\\f"); continue;
        case '\n': sb.append("\\n"); continue;
        case '\r': sb.append("\\r"); continue;
        case '\t': sb.append("\\t"); continue;
        case 0x0B: sb.append("\\v"); continue;
        default:
          break;
      }
      if (isPrint(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp < ' ' || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
        sb.append("\\ufffd");
      } else if (cp < 0x10000) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    return sb.append('"').toString();
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  public static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER:
      case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER:
      case Character.MODIFIER_LETTER:
      case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER:
      case Character.LETTER_NUMBER:
      case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL:
      case Character.CURRENCY_SYMBOL:
      case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /** Go's {@code unicode.IsSpace}. */
  public static boolean isSpace(int cp) {
    switch (cp) {
      case '\t': case '\n': case 0x0B: case '\f': case '\r': case ' ': case 0x85: case 0xA0:
        return true;
      default:
        return cp > 0xFF && Character.isSpaceChar(cp);
    }
  }

  /** Go's {@code strings.TrimSpace}. */
  public static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int cp = s.codePointAt(start);
      if (!isSpace(cp)) {
        break;
      }
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.ToLower} (Unicode simple lower-casing, locale independent). */
  public static String toLower(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(cp)));
    return sb.toString();
  }
}
