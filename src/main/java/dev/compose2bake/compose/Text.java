package dev.compose2bake.compose;

import dev.compose2bake.interp.Template;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;

/**
 * A string of the Compose model with the position it was written at and its template, if any. An
 * {@code optional} text is a bare reference to an environment variable (a service environment
 * entry without a value); its value is null when the variable is unset in this run.
 */
public record Text(String value, Template template, Position position, boolean optional) {

  public Text(String value, Template template, Position position) {
    this(value, template, position, false);
  }

  static Text of(ScalarNode s) {
    return new Text(s.text(), s.template(), s.position());
  }

  /** The value of environment variable {@code name} (null when unset), as a reference to it. */
  static Text reference(String name, String value, Position position) {
    return new Text(value, Template.reference(name), position, true);
  }

  public Str str() {
    return new Str(value, template, optional);
  }

  @Override
  public String toString() {
    return value;
  }
}
