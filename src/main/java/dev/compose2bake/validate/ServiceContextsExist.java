package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.PathText;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;
import java.util.Map;

/** An additional context {@code service:NAME} must name a service that has a build section. */
final class ServiceContextsExist implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    for (Service s : project.services().values()) {
      if (s.build() == null) {
        continue;
      }
      for (Map.Entry<String, PathText> e : s.build().additionalContexts().entrySet()) {
        String v = e.getValue().value();
        if (!v.startsWith("service:")) {
          continue;
        }
        String name = v.substring("service:".length());
        Service dep = project.services().get(name);
        if (dep == null) {
          diags.error(e.getValue().text().position(), "service \"" + s.name() + "\" uses unknown service \"" + name
              + "\" as additional context " + e.getKey(), "name a service of this project that has a build section");
        } else if (dep.build() == null) {
          diags.error(e.getValue().text().position(), "service \"" + s.name() + "\" uses service \"" + name
              + "\" as additional context " + e.getKey() + ", but \"" + name + "\" has no build section",
              "use docker-image://" + (dep.image() == null ? "IMAGE" : dep.image().value())
                  + " to build on its image instead");
        }
      }
    }
  }
}
