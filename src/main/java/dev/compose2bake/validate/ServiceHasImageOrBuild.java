package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;

/** compose-go's consistency check: a service needs an image or a build section. */
final class ServiceHasImageOrBuild implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    for (Service s : project.services().values()) {
      if (s.build() == null && (s.image() == null || s.image().value().isEmpty())) {
        diags.error(s.position(), "service \"" + s.name() + "\" has neither an image nor a build section",
            "add build: with the folder of its Dockerfile, or image: with the image to run");
      }
    }
  }
}
