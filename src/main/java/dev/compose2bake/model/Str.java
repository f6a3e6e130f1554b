package dev.compose2bake.model;

import dev.compose2bake.interp.Template;

/**
 * A string value of the IR: its value under the environment of this run, and, when it was written
 * with Compose variables, the {@link Template} it came from. An emitter either writes the value
 * (a resolved snapshot) or turns the template into bake variables; both come from the same IR.
 */
public record Str(String value, Template template) {

  public static Str of(String value) {
    return new Str(value, null);
  }

  /** True when the value was written with at least one variable. */
  public boolean hasVariables() {
    return template != null && !template.isLiteral();
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value;
  }
}
