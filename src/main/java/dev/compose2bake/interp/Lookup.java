package dev.compose2bake.interp;

import java.util.Map;
import java.util.Objects;

/** Resolves a variable name to its value, or to {@code null} when the variable is not set. */
@FunctionalInterface
public interface Lookup {

  /**
   * A lookup in which no variable is set. A class rather than a lambda: JDK 25's AOT cache did not
   * keep this lambda (the one made in the interface's initialiser), so every run generated it anew.
   */
  Lookup NONE = new Lookup() {
    @Override
    public String get(String name) {
      return null;
    }
  };

  /** Returns the value of {@code name}, or {@code null} when it is not set ("" means set but empty). */
  String get(String name);

  /** A lookup backed by {@code map}; keys absent from the map are unset. */
  static Lookup of(Map<String, String> map) {
    Objects.requireNonNull(map, "map");
    return map::get;
  }

  /** This lookup first, then {@code fallback} for the names this one does not set. */
  default Lookup orElse(Lookup fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return name -> {
      String value = get(name);
      return value != null ? value : fallback.get(name);
    };
  }
}
