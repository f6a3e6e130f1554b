package dev.compose2bake.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the output tree as a bake JSON file, laid out like Go's {@code json.MarshalIndent} with
 * two spaces: {@code "variable"}, {@code "group"} and {@code "target"} objects keyed by name.
 * Every string, keys included, is template-escaped because bake reads JSON strings as templates.
 * The header becomes a {@code "//"} member, which bake ignores.
 */
public final class JsonWriter {

  public String write(Document doc) {
    StringBuilder out = new StringBuilder("{\n");
    boolean firstSection = true;
    if (!doc.header().isEmpty()) {
      out.append("  ").append(string("//")).append(": ").append(string(String.join(" ", doc.header())));
      firstSection = false;
    }
    for (String type : List.of("variable", "group", "target")) {
      List<Document.Block> blocks = new ArrayList<>();
      for (Document.Block b : doc.blocks()) {
        if (b.type().equals(type)) {
          blocks.add(b);
        }
      }
      if (blocks.isEmpty()) {
        continue;
      }
      if (!firstSection) {
        out.append(",\n");
      }
      firstSection = false;
      out.append("  ").append(string(type)).append(": {\n");
      for (int i = 0; i < blocks.size(); i++) {
        Document.Block b = blocks.get(i);
        out.append("    ").append(key(b.label())).append(": ");
        body(out, b, 2);
        out.append(i + 1 < blocks.size() ? ",\n" : "\n");
      }
      out.append("  }");
    }
    return out.append("\n}\n").toString();
  }

  /** A block's body: its attributes, then its nested blocks as arrays of objects by type. */
  private void body(StringBuilder out, Document.Block b, int level) {
    List<String> members = new java.util.ArrayList<>();
    for (Document.Attribute a : b.attributes()) {
      StringBuilder m = new StringBuilder();
      m.append("  ".repeat(level + 1)).append(string(a.name())).append(": ");
      value(m, a.value(), level + 1);
      members.add(m.toString());
    }
    java.util.Map<String, List<Document.Block>> nested = new java.util.LinkedHashMap<>();
    for (Document.Block n : b.blocks()) {
      nested.computeIfAbsent(n.type(), k -> new java.util.ArrayList<>()).add(n);
    }
    for (java.util.Map.Entry<String, List<Document.Block>> e : nested.entrySet()) {
      StringBuilder m = new StringBuilder();
      m.append("  ".repeat(level + 1)).append(string(e.getKey())).append(": [\n");
      for (int i = 0; i < e.getValue().size(); i++) {
        m.append("  ".repeat(level + 2));
        body(m, e.getValue().get(i), level + 2);
        m.append(i + 1 < e.getValue().size() ? ",\n" : "\n");
      }
      m.append("  ".repeat(level + 1)).append(']');
      members.add(m.toString());
    }
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append("{\n").append(String.join(",\n", members)).append('\n').append("  ".repeat(level)).append('}');
  }

  private void value(StringBuilder out, Value v, int level) {
    if (v instanceof Value.Bool b) {
      out.append(b.value());
    } else if (v instanceof Value.Null) {
      out.append("null");
    } else if (v instanceof Value.Expression e) {
      out.append(string("${" + e.hcl() + "}"));
    } else if (v instanceof Value.Text t) {
      out.append(string(Escapes.template(t)));
    } else if (v instanceof Value.ListOf l) {
      if (l.items().isEmpty()) {
        out.append("[]");
        return;
      }
      out.append("[\n");
      for (int i = 0; i < l.items().size(); i++) {
        out.append("  ".repeat(level + 1));
        value(out, l.items().get(i), level + 1);
        out.append(i + 1 < l.items().size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(level)).append(']');
    } else {
      Value.MapOf m = (Value.MapOf) v;
      if (m.entries().isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        out.append("  ".repeat(level + 1)).append(key(e.getKey())).append(": ");
        value(out, e.getValue(), level + 1);
        out.append(++i < m.entries().size() ? ",\n" : "\n");
      }
      out.append("  ".repeat(level)).append('}');
    }
  }

  private static String key(String k) {
    return string(Escapes.escapeLiteral(k));
  }

  /** A JSON string literal of already template-escaped text. */
  static String string(String s) {
    if (!Escapes.needsEscape(s, true)) {
      return '"' + s + '"';
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
