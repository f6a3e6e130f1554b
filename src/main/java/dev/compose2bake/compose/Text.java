package dev.compose2bake.compose;

import dev.compose2bake.interp.Template;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;

/** A string of the Compose model with the position it was written at and its template, if any. */
public record Text(String value, Template template, Position position) {

  static Text of(ScalarNode s) {
    return new Text(s.text(), s.template(), s.position());
  }

  public Str str() {
    return new Str(value, template);
  }

  @Override
  public String toString() {
    return value;
  }
}
