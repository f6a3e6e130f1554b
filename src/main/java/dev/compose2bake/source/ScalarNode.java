package dev.compose2bake.source;

import dev.compose2bake.interp.Template;
import java.math.BigInteger;

/**
 * A YAML scalar with the value go-yaml would decode it to: null, Boolean, Long, BigInteger (values
 * that only fit an unsigned 64-bit integer), Double, or String. Quoted and block scalars are always
 * strings; only plain scalars are resolved to other types. After interpolation a string scalar also
 * keeps the {@link Template} it was written as, so that later stages can keep its variables.
 */
public final class ScalarNode implements Node {
  private final Object value;
  private final boolean plain;
  private final Template template;
  private final Position position;
  private final String tag;

  public ScalarNode(Object value, boolean plain, Template template, Position position, String tag) {
    this.value = value;
    this.plain = plain;
    this.template = template;
    this.position = position;
    this.tag = tag;
  }

  public static ScalarNode ofString(String value, Position position) {
    return new ScalarNode(value, false, null, position, null);
  }

  public Object value() {
    return value;
  }

  public boolean isNull() {
    return value == null;
  }

  public boolean isString() {
    return value instanceof String;
  }

  public boolean isPlain() {
    return plain;
  }

  /** The template this string was interpolated from, or null when it was not interpolated. */
  public Template template() {
    return template;
  }

  /** The value as Go's fmt.Sprint would print it ("" for null). */
  public String text() {
    return GoValues.sprint(value);
  }

  public boolean isInteger() {
    return value instanceof Long || value instanceof BigInteger;
  }

  public ScalarNode withValue(Object newValue, Template newTemplate) {
    return new ScalarNode(newValue, plain, newTemplate, position, tag);
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public long expandedSize() {
    return 1;
  }

  @Override
  public ScalarNode withTag(String newTag) {
    return new ScalarNode(value, plain, template, position, newTag);
  }

  @Override
  public String kindName() {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Double) {
      return "a number";
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return "an integer";
    }
    return "a timestamp";
  }

  @Override
  public String toString() {
    return "Scalar(" + value + ")";
  }
}
