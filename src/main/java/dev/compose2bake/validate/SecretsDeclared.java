package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.SecretDef;
import dev.compose2bake.compose.ComposeProject.SecretRef;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;

/**
 * A build secret must name a top-level secret, and that secret must say where its value comes
 * from (compose-go's consistency checks).
 */
final class SecretsDeclared implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    for (SecretDef def : project.secrets().values()) {
      if (!def.external() && def.file() == null && def.environment() == null) {
        diags.error(def.position(), "secret \"" + def.name() + "\" must declare either file or environment",
            "add file: ./path/to/secret or environment: VARIABLE_NAME");
      }
    }
    for (Service s : project.services().values()) {
      if (s.build() == null) {
        continue;
      }
      for (SecretRef ref : s.build().secrets()) {
        if (ref.source() == null) {
          diags.error(ref.position(), "a build secret of service \"" + s.name() + "\" has no source",
              "add source: with the name of a top-level secret");
          continue;
        }
        String id = ref.source().value();
        if (!project.secrets().containsKey(id)) {
          diags.error(ref.source().position(), "service \"" + s.name() + "\" refers to undefined build secret "
              + id, "declare it under the top-level secrets: with file: or environment:");
        }
      }
    }
  }
}
