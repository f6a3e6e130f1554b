package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.lower.TargetNames;
import dev.compose2bake.model.BakeTarget;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two buildable services must not become the same target. buildx turns both {@code a.b} and
 * {@code a_b} into {@code a_b} and merges them in an order that changes between runs; compose2bake
 * refuses instead, naming both services (a deliberate difference).
 */
final class TargetNamesUnique implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    Map<String, Service> seen = new HashMap<>();
    for (Service s : project.services().values()) {
      if (s.build() == null) {
        continue;
      }
      String name = TargetNames.sanitize(s.name());
      Service other = seen.putIfAbsent(name, s);
      if (other != null) {
        diags.error(s.position(), "services \"" + other.name() + "\" (" + other.position() + ") and \"" + s.name()
            + "\" would both become the bake target \"" + name + "\"",
            "rename one of them: bake target names cannot contain '.', so '.' becomes '_'");
      }
    }
  }
}
