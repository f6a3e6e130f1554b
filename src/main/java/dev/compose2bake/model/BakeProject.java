package dev.compose2bake.model;

import java.util.List;

/**
 * The normalised IR of a whole bake definition: groups (default first), targets sorted by name,
 * and the bake variables that kept Compose variables need. The emitters write exactly this.
 */
public record BakeProject(List<BakeGroup> groups, List<BakeTarget> targets, List<BakeVariable> variables,
    List<String> sourceFiles) {
  public BakeProject {
    groups = List.copyOf(groups);
    targets = List.copyOf(targets);
    variables = List.copyOf(variables);
    sourceFiles = List.copyOf(sourceFiles);
  }
}
