package dev.compose2bake.model;

import java.util.List;

/** A bake group: a name, an optional description, and the targets it builds (in order). */
public record BakeGroup(String name, String description, List<String> targets) {
  public BakeGroup {
    targets = List.copyOf(targets);
  }
}
