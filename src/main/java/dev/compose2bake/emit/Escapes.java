package dev.compose2bake.emit;

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
