package dev.compose2bake.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A structured list item of a bake target (a cache entry, secret, ssh key, output or attestation):
 * attributes sorted by name, as bake prints them. Values are {@link Str}, Boolean, or a list of Str.
 * An item written with variables that bake must parse itself when it runs is {@code raw}: its CSV
 * text ({@code type=registry,ref=${REF}}), with no attributes.
 */
public record BakeObject(Map<String, Object> attributes, Str raw) {

  public BakeObject(Map<String, Object> attributes) {
    this(attributes, null);
  }

  /** An item kept as its CSV text, for bake to parse when it runs. */
  public static BakeObject raw(Str csv) {
    return new BakeObject(Map.of(), csv);
  }

  public BakeObject {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      Object v = e.getValue();
      if (!(v instanceof Str || v instanceof Boolean || v instanceof List)) {
        throw new IllegalArgumentException("unsupported attribute value for " + e.getKey() + ": " + v);
      }
      sorted.put(e.getKey(), v instanceof List<?> l ? List.copyOf(l) : v);
    }
    attributes = Collections.unmodifiableMap(sorted);
  }

  public static BakeObject ofStrings(Map<String, String> attrs) {
    TreeMap<String, Object> m = new TreeMap<>();
    attrs.forEach((k, v) -> m.put(k, Str.of(v)));
    return new BakeObject(m);
  }

  // equals and hashCode written out (the same as a record's): the generated ones are bootstrapped at
  // their first call, which costs a measurable part of a small run's start-up.
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof BakeObject b && attributes.equals(b.attributes)
        && Objects.equals(raw, b.raw));
  }

  @Override
  public int hashCode() {
    return 31 * attributes.hashCode() + Objects.hashCode(raw);
  }

  /** The value of a string attribute, or null. */
  public String string(String name) {
    Object v = attributes.get(name);
    return v instanceof Str s ? s.value() : null;
  }
}
