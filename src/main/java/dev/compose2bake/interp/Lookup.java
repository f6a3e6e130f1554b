package dev.compose2bake.interp;

/** Looks a variable up: its value, or null when it is not set. */
@FunctionalInterface
public interface Lookup {
  String get(String name);
}
