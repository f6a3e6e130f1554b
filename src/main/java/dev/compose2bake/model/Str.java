package dev.compose2bake.model;

import dev.compose2bake.interp.Template;
import java.util.Objects;

/**
 * A string value of the IR: its value under the environment of this run, and, when it was written
 * with Compose variables, the {@link Template} it came from. An emitter either writes the value
 * (a resolved snapshot) or turns the template into bake variables; both come from the same IR.
 *
 * <p>An {@code optional} value is a bare variable reference whose entry disappears when the
 * variable is unset, as a build arg that Compose looks up in the environment does; its
 * {@code value} is null when the variable is unset in this run.
 */
public record Str(String value, Template template, boolean optional) {

  public Str(String value, Template template) {
    this(value, template, false);
  }

  public static Str of(String value) {
    return new Str(value, null, false);
  }

  /** A build arg taken from the environment variable {@code name}: left out when it is unset. */
  public static Str reference(String name, String value) {
    return new Str(value, Template.reference(name), true);
  }

  /** True when the value was written with at least one variable. */
  public boolean hasVariables() {
    return template != null && !template.isLiteral();
  }

  public boolean isEmpty() {
    return value == null || value.isEmpty();
  }

  // equals and hashCode written out (the same as a record's): the generated ones are bootstrapped at
  // their first call, which costs a measurable part of a small run's start-up.
  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Str s && optional == s.optional && Objects.equals(value, s.value)
        && Objects.equals(template, s.template));
  }

  @Override
  public int hashCode() {
    return (31 * Objects.hashCode(value) + Objects.hashCode(template)) * 31
        + Boolean.hashCode(optional);
  }

  @Override
  public String toString() {
    return value;
  }
}
