package dev.compose2bake.emit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Template escaping shared by both writers: every bake string (HCL or JSON) is an HCL template,
 * so a literal {@code ${} is written {@code $${} and a literal {@code %{} is written {@code %%{},
 * while expression segments are written {@code ${expr}}. A literal {@code $} right before an
 * expression is written {@code ${"$"}}, since {@code $${} would turn the expression into text.
 */
final class Escapes {
  private Escapes() {}

  /**
   * Whether the quoted form of {@code s} needs an escape: for a control character, DEL, {@code "}
   * or a backslash, and with {@code lineSeparators} for U+2028 and U+2029. Most strings need none
   * and are written as they are. The characters are read from one copy of the string's bytes rather
   * than by {@code charAt}: a short run spends most of its time in the interpreter, where each
   * {@code charAt} is a chain of calls. ISO-8859-1 keeps every ASCII character and turns the others
   * above U+00FF into {@code ?}, which needs no escape.
   */
  static boolean needsEscape(String s, boolean lineSeparators) {
    for (byte c : s.getBytes(StandardCharsets.ISO_8859_1)) {
      if ((c >= 0 && c < 0x20) || c == 0x7f || c == '"' || c == '\\') {
        return true;
      }
    }
    return lineSeparators && (s.indexOf('\u2028') >= 0 || s.indexOf('\u2029') >= 0);
  }

  /**
   * The template text of a string value; {@code encodeLiteral} adds the quoting of the target
   * syntax to literal pieces (expressions are already valid HCL).
   */
  static String template(Value.Text text, UnaryOperator<String> encodeLiteral) {
    StringBuilder b = new StringBuilder();
    List<Value.Segment> segments = text.segments();
    for (int i = 0; i < segments.size(); i++) {
      Value.Segment s = segments.get(i);
      if (s.expression()) {
        b.append("${").append(s.text()).append('}');
        continue;
      }
      String lit = s.text();
      boolean beforeExpression = i + 1 < segments.size() && segments.get(i + 1).expression();
      if (beforeExpression && lit.endsWith("$")) {
        b.append(encodeLiteral.apply(escapeLiteral(lit.substring(0, lit.length() - 1)))).append("${\"$\"}");
      } else {
        b.append(encodeLiteral.apply(escapeLiteral(lit)));
      }
    }
    return b.toString();
  }

  /** The template text with no quoting of its own (JSON quotes the whole string afterwards). */
  static String template(Value.Text text) {
    return template(text, UnaryOperator.identity());
  }

  static String escapeLiteral(String s) {
    if (s.indexOf('{') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '$' || c == '%') && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        b.append(c);
      }
      b.append(c);
    }
    return b.toString();
  }
}
