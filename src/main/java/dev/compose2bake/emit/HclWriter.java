package dev.compose2bake.emit;

import dev.compose2bake.source.Ascii;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the output tree as HCL the way a careful person would: one block per target, aligned
 * {@code =} in runs of one-line attributes, quoted map keys, heredocs for multi-line text that ends
 * with a newline, LF line endings and a trailing newline. Deterministic for a given tree.
 */
public final class HclWriter {
  private static final int WIDTH = 100;

  public String write(Document doc) {
    StringBuilder out = new StringBuilder();
    for (String h : doc.header()) {
      out.append(h.isEmpty() ? "#" : "# " + h).append('\n');
    }
    boolean first = true;
    for (Document.Block block : doc.blocks()) {
      if (!first || !doc.header().isEmpty()) {
        out.append('\n');
      }
      first = false;
      for (String c : block.comments()) {
        out.append("# ").append(c).append('\n');
      }
      block(out, block, 0);
    }
    return out.toString();
  }

  private void block(StringBuilder out, Document.Block block, int level) {
    String indent = "  ".repeat(level);
    out.append(indent).append(block.type());
    if (block.label() != null) {
      out.append(' ').append(quote(block.label()));
    }
    out.append(" {\n");
    attributes(out, block.attributes(), level + 1);
    for (Document.Block nested : block.blocks()) {
      block(out, nested, level + 1);
    }
    out.append(indent).append("}\n");
  }

  private void attributes(StringBuilder out, List<Document.Attribute> attrs, int level) {
    List<String[]> rendered = new ArrayList<>();
    for (Document.Attribute a : attrs) {
      String name = a.name();
      rendered.add(new String[] {name, value(a.value(), level, name.length() + 3)});
    }
    writeAligned(out, rendered, level);
  }

  /** Writes name = value lines; runs of one-line values have their '=' aligned. */
  private static void writeAligned(StringBuilder out, List<String[]> rendered, int level) {
    String indent = "  ".repeat(level);
    int i = 0;
    while (i < rendered.size()) {
      int j = i;
      int width = 0;
      while (j < rendered.size() && rendered.get(j)[1].indexOf('\n') < 0) {
        width = Math.max(width, rendered.get(j)[0].length());
        j++;
      }
      if (j == i) {
        out.append(indent).append(rendered.get(i)[0]).append(" = ").append(rendered.get(i)[1]).append('\n');
        i++;
        continue;
      }
      for (int k = i; k < j; k++) {
        String name = rendered.get(k)[0];
        out.append(indent).append(name).append(" ".repeat(width - name.length())).append(" = ")
            .append(rendered.get(k)[1]).append('\n');
      }
      i = j;
    }
  }

  /** Renders a value whose first line starts {@code used} columns after the indentation. */
  private String value(Value v, int level, int used) {
    if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    if (v instanceof Value.Null) {
      return "null";
    }
    if (v instanceof Value.Expression e) {
      return e.hcl();
    }
    if (v instanceof Value.Text t) {
      return text(t);
    }
    if (v instanceof Value.ListOf l) {
      return list(l, level, used);
    }
    return map((Value.MapOf) v, level, used);
  }

  private String text(Value.Text t) {
    String heredoc = Escapes.template(t);
    if (heredocSafe(t)) {
      String delimiter = delimiter(heredoc);
      return "<<" + delimiter + "\n" + heredoc + delimiter;
    }
    return quoted(t);
  }

  private static String quoted(Value.Text t) {
    return '"' + Escapes.template(t, HclWriter::escapeQuoted) + '"';
  }

  private String list(Value.ListOf l, int level, int used) {
    if (l.items().isEmpty()) {
      return "[]";
    }
    List<String> items = new ArrayList<>();
    boolean simple = true;
    for (Value item : l.items()) {
      // A heredoc cannot be a list item: its closing delimiter must end its line, and the item needs a comma.
      String r = item instanceof Value.Text t ? quoted(t) : value(item, level + 1, 0);
      simple &= r.indexOf('\n') < 0 && !(item instanceof Value.MapOf);
      items.add(r);
    }
    if (simple) {
      String line = "[" + String.join(", ", items) + "]";
      if (level * 2 + used + line.length() <= WIDTH) {
        return line;
      }
    }
    String indent = "  ".repeat(level + 1);
    StringBuilder b = new StringBuilder("[\n");
    for (String item : items) {
      b.append(indent).append(item).append(",\n");
    }
    return b.append("  ".repeat(level)).append(']').toString();
  }

  private String map(Value.MapOf m, int level, int used) {
    if (m.entries().isEmpty()) {
      return "{}";
    }
    if (!m.attributeMap()) {
      List<String> parts = new ArrayList<>();
      boolean oneLine = true;
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        String r = value(e.getValue(), level + 1, 0);
        oneLine &= r.indexOf('\n') < 0;
        parts.add(key(e.getKey(), false) + " = " + r);
      }
      String line = "{ " + String.join(", ", parts) + " }";
      if (oneLine && level * 2 + used + line.length() <= WIDTH) {
        return line;
      }
    }
    List<String[]> rendered = new ArrayList<>();
    for (Map.Entry<String, Value> e : m.entries().entrySet()) {
      String k = key(e.getKey(), m.attributeMap());
      rendered.add(new String[] {k, value(e.getValue(), level + 1, k.length() + 3)});
    }
    StringBuilder b = new StringBuilder("{\n");
    writeAligned(b, rendered, level + 1);
    return b.append("  ".repeat(level)).append('}').toString();
  }

  private static String key(String k, boolean alwaysQuote) {
    if (!alwaysQuote && Ascii.isIdentifier(k)) {
      return k;
    }
    return quote(k);
  }

  /** A quoted HCL string of literal text (a label or map key): escapes plus template escaping. */
  static String quote(String s) {
    return '"' + escapeQuoted(Escapes.escapeLiteral(s)) + '"';
  }

  /** The escapes of an HCL quoted string. */
  static String escapeQuoted(String s) {
    if (!Escapes.needsEscape(s, false)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * A heredoc reads best for multi-line text, but it always ends with a newline and cannot hold
   * control characters other than tab: only text that ends with a literal newline qualifies.
   */
  private static boolean heredocSafe(Value.Text t) {
    List<Value.Segment> segs = t.segments();
    if (segs.isEmpty() || segs.get(segs.size() - 1).expression() || !segs.get(segs.size() - 1).text().endsWith("\n")) {
      return false;
    }
    for (Value.Segment seg : segs) {
      String s = seg.expression() ? "" : seg.text();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
          return false;
        }
      }
    }
    return true;
  }

  /** EOT, or EOT1, EOT2... when a line of the text would end the heredoc early. */
  private static String delimiter(String text) {
    String[] lines = text.split("\n", -1);
    for (int n = 0; ; n++) {
      String d = n == 0 ? "EOT" : "EOT" + n;
      boolean clash = false;
      for (String line : lines) {
        if (line.strip().equals(d)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        return d;
      }
    }
  }
}
