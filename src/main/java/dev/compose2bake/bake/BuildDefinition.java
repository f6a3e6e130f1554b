package dev.compose2bake.bake;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Build;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.Text;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The definition that {@code compose2bake build} hands to buildx: the one {@code convert} writes,
 * plus what a build needs that a bake file written from Compose does not carry. buildx's Compose
 * reader ignores {@code build.entitlements} and {@code build.privileged}, so {@code convert} leaves
 * them out; {@code docker compose build} passes them to bake as the target's {@code entitlements}
 * ({@code privileged: true} as {@code security.insecure}, after the listed ones). {@code build} does
 * the same, so that BuildKit lets {@code RUN --security=insecure} and {@code RUN --network=host} run,
 * and grants them with {@code --allow} (see {@link Entitlements}).
 */
public final class BuildDefinition {
  private BuildDefinition() {}

  public static BakeProject forBuild(BakeProject project, ComposeProject compose) {
    List<BakeTarget> targets = new ArrayList<>();
    for (BakeTarget t : project.targets()) {
      Service s = t.service() == null ? null : compose.services().get(t.service());
      Build b = s == null ? null : s.build();
      if (b == null) {
        targets.add(t);
        continue;
      }
      List<String> wanted = new ArrayList<>();
      for (Text e : b.entitlements()) {
        wanted.add(e.value());
      }
      if (Boolean.TRUE.equals(b.privileged())) {
        wanted.add("security.insecure");
      }
      if (wanted.isEmpty()) {
        targets.add(t);
        continue;
      }
      // bake's removeDupesStr: the first of equal values stays, empty values go.
      Set<String> seen = new LinkedHashSet<>();
      List<Str> all = new ArrayList<>();
      for (Str e : t.entitlements()) {
        if (!e.value().isEmpty() && seen.add(e.value())) {
          all.add(e);
        }
      }
      for (String e : wanted) {
        if (!e.isEmpty() && seen.add(e)) {
          all.add(Str.of(e));
        }
      }
      targets.add(t.withEntitlements(all));
    }
    return new BakeProject(project.groups(), targets, project.variables(), project.sourceFiles());
  }
}
