package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;

/** One consistency rule; rules run in a fixed order and report through the diagnostics. */
public interface Rule {
  void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags);
}
