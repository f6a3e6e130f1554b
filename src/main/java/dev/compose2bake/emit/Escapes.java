package dev.compose2bake.emit;

import java.util.List;

/**
 * Template escaping shared by both writers: every bake string (HCL or JSON) is an HCL template,
 * so a literal {@code ${} is written {@code $${} and a literal {@code %{} is written {@code %%{}.
 * A literal {@code $} right before an expression is written {@code ${"$"}}, since {@code $${}
 * would turn the expression into literal text.
 */
final class Escapes {
  private Escapes() {}

  /** The template text of a string value: escaped literals and {@code ${expr}} expressions. */
  static String template(Value.Text text) {
    StringBuilder b = new StringBuilder();
    List<Value.Segment> segments = text.segments();
    for (int i = 0; i < segments.size(); i++) {
      Value.Segment s = segments.get(i);
      if (s.expression()) {
        b.append("${").append(s.text()).append('}');
        continue;
      }
      String lit = escapeLiteral(s.text());
      boolean beforeExpression = i + 1 < segments.size() && segments.get(i + 1).expression();
      if (beforeExpression && lit.endsWith("$") && !lit.endsWith("$${")) {
        b.append(lit, 0, lit.length() - 1).append("${\"$\"}");
      } else if (beforeExpression && lit.endsWith("%")) {
        b.append(lit, 0, lit.length() - 1).append("${\"%\"}");
      } else {
        b.append(lit);
      }
    }
    return b.toString();
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
