package dev.compose2bake.compose;

/**
 * The escape sequences of double-quoted dotenv values, as compose-go's {@code expandEscapes} handles them: it
 * finds {@code \\(?:[abcfnrtv$"\\]|0\d{0,3})} and unquotes each match with Go's {@code strconv.UnquoteChar}.
 */
final class GoEscapes {

  private GoEscapes() {
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (c != '\\' || (next != '0' && simple(next) == null)) {
        out.append(c);
        i++;
      } else if (next == '0') {
        int end = i + 2;
        while (end < s.length() && end < i + 5 && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
          end++;
        }
        out.append(octal(s.substring(i + 2, end)));
        i = end;
      } else {
        out.append(simple(next));
        i += 2;
      }
    }
    return out.toString();
  }

  /** The replacement for {@code \c}, or null when {@code \c} is not one of the simple escapes. */
  private static String simple(char c) {
    return switch (c) {
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'v' -> "\u000B";
      case '"' -> "\"";
      case '\\' -> "\\";
      // Not a Go escape: compose-go rewrites it as "$$" so that interpolation leaves a literal '$'.
      case '$' -> "$$";
      // Matched by the pattern, but UnquoteChar rejects it, so the text is kept.
      case 'c' -> "\\c";
      default -> null;
    };
  }

  /**
   * {@code \0ddd}: compose-go drops the '0' and unquotes {@code \ddd}, which succeeds only for exactly three octal
   * digits worth at most 255; otherwise it keeps the text without the '0' (so {@code \012} gives {@code \12}).
   */
  private static String octal(String digits) {
    if (digits.length() == 3 && digits.chars().allMatch(d -> d <= '7')) {
      int value = Integer.parseInt(digits, 8);
      if (value <= 255) {
        return Character.toString(value);
      }
    }
    return "\\" + digits;
  }
}
