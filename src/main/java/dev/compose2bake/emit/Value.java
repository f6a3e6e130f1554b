package dev.compose2bake.emit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the output tree that both writers render: one tree, so that HCL and JSON cannot
 * disagree. Strings are made of literal text and bake expressions.
 */
public sealed interface Value permits Value.Text, Value.Bool, Value.Null, Value.Expression, Value.ListOf,
    Value.MapOf {

  /** A string: literal pieces (escaped by the writers) and expressions written as {@code ${...}}. */
  record Text(List<Segment> segments) implements Value {
    public Text {
      segments = List.copyOf(segments);
    }

    public static Text literal(String s) {
      return new Text(List.of(new Segment(s, false)));
    }

    public boolean isLiteral() {
      for (Segment s : segments) {
        if (s.expression()) {
          return false;
        }
      }
      return true;
    }

    /** The literal text (only meaningful when {@link #isLiteral()}). */
    public String literalText() {
      StringBuilder b = new StringBuilder();
      for (Segment s : segments) {
        b.append(s.text());
      }
      return b.toString();
    }
  }

  /** A piece of a string: literal text, or a bake expression (HCL syntax, without {@code ${}}). */
  record Segment(String text, boolean expression) {}

  record Bool(boolean value) implements Value {}

  /** The null value ({@code default = null}). */
  record Null() implements Value {}

  /** A bare HCL expression as an attribute value (a validation condition); JSON writes it as "${...}". */
  record Expression(String hcl) implements Value {}

  record ListOf(List<Value> items) implements Value {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /**
   * A map or object, in the order given. {@code attributeMap} marks user-keyed maps such as args
   * or labels (keys always quoted in HCL) as opposed to fixed-shape objects (cache entries, ...).
   */
  record MapOf(Map<String, Value> entries, boolean attributeMap) implements Value {
    public MapOf {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
  }
}
