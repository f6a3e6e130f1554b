package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;

/** compose-go's consistency check: dockerfile and dockerfile_inline exclude each other. */
final class DockerfileOrInline implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    for (Service s : project.services().values()) {
      if (s.build() == null || s.build().dockerfile() == null || s.build().dockerfileInline() == null) {
        continue;
      }
      if (!s.build().dockerfile().value().isEmpty() && !s.build().dockerfileInline().value().isEmpty()) {
        diags.error(s.build().dockerfileInline().position(), "service \"" + s.name()
            + "\" sets both dockerfile and dockerfile_inline", "keep one of the two");
      }
    }
  }
}
