package dev.compose2bake.interp;

import java.util.function.Consumer;

/** Placeholder until the interpolation component lands. */
public final class Template {
  private final String text;

  private Template(String text) {
    this.text = text;
  }

  public static Template parse(String text) {
    return new Template(text);
  }

  public String evaluate(Lookup env, Consumer<String> unset) {
    return text;
  }

  public boolean isLiteral() {
    return true;
  }

  public Template prefixed(String prefix) {
    return null;
  }

  public Template dropPrefix(int n) {
    return null;
  }
}
