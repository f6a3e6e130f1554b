package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * bake refuses a target that uses a multi-platform target as a named context unless its platforms
 * are a subset of that target's (buildx bake.go); compose2bake reports it where it is written.
 */
final class LinkedPlatforms implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    Map<String, BakeTarget> byName = new HashMap<>();
    for (BakeTarget t : targets) {
      byName.put(t.name(), t);
    }
    for (BakeTarget t : targets) {
      for (Map.Entry<String, Str> c : t.contexts().entrySet()) {
        String v = c.getValue().value();
        if (!v.startsWith("target:")) {
          continue;
        }
        BakeTarget dep = byName.get(v.substring("target:".length()));
        if (dep == null || dep.platforms().size() <= 1) {
          continue;
        }
        Set<String> depPlatforms = values(dep.platforms());
        List<String> missing = new ArrayList<>();
        for (Str p : t.platforms()) {
          if (!depPlatforms.contains(p.value())) {
            missing.add(p.value());
          }
        }
        if (!missing.isEmpty()) {
          diags.error(ContextGraph.position(project, t, c.getKey()), "\"" + t.name() + "\" builds for "
              + String.join(", ", missing) + ", which its additional context " + c.getKey() + " (target \""
              + dep.name() + "\") does not build", "build \"" + dep.name() + "\" for those platforms too, or build \""
              + t.name() + "\" only for " + String.join(", ", depPlatforms));
        }
      }
    }
  }

  private static Set<String> values(List<Str> in) {
    Set<String> out = new HashSet<>();
    for (Str s : in) {
      out.add(s.value());
    }
    return out;
  }
}
