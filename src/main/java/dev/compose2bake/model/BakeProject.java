package dev.compose2bake.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * The targets {@code docker buildx bake} builds when it is given no target names: those of the
   * {@code default} group (groups in it expanded) and every target they reach through
   * {@code target:} contexts, in name order.
   */
  public List<BakeTarget> builtByDefault() {
    Map<String, BakeTarget> byName = new LinkedHashMap<>();
    for (BakeTarget t : targets) {
      byName.put(t.name(), t);
    }
    Map<String, BakeGroup> groupsByName = new LinkedHashMap<>();
    for (BakeGroup g : groups) {
      groupsByName.put(g.name(), g);
    }
    Set<String> seen = new TreeSet<>();
    Set<String> seenGroups = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of("default"));
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      BakeTarget t = byName.get(name);
      if (t != null) {
        if (seen.add(name)) {
          for (Str c : t.contexts().values()) {
            if (c.value().startsWith("target:")) {
              todo.addLast(c.value().substring("target:".length()));
            }
          }
        }
        continue;
      }
      BakeGroup g = groupsByName.get(name);
      if (g != null && seenGroups.add(name)) {
        todo.addAll(g.targets());
      }
    }
    List<BakeTarget> out = new ArrayList<>();
    for (String name : seen) {
      out.add(byName.get(name));
    }
    return out;
  }
}
