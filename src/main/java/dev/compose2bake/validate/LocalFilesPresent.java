package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.SecretDef;
import dev.compose2bake.compose.ComposeProject.SecretRef;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.PathText;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Files and agents a build will need but generating the bake file does not: missing secret files,
 * missing ssh keys, and ssh access without {@code SSH_AUTH_SOCK}. buildx's {@code --print} fails on
 * them; compose2bake only warns, since they may exist where the build runs (a deliberate difference).
 */
final class LocalFilesPresent implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    String agent = project.environment().process("SSH_AUTH_SOCK");
    for (Service s : project.services().values()) {
      if (s.build() == null) {
        continue;
      }
      for (SecretRef ref : s.build().secrets()) {
        SecretDef def = ref.source() == null ? null : project.secrets().get(ref.source().value());
        if (def != null && def.file() != null && !exists(def.file())) {
          diags.warning(def.file().text().position(), "the file of secret \"" + def.name() + "\" ("
              + def.file().value() + ") does not exist", "bake needs it when it builds; create it there");
        }
      }
      for (Map.Entry<String, PathText> e : s.build().ssh().entrySet()) {
        if (e.getValue() == null) {
          if (agent == null || agent.isEmpty()) {
            diags.warning(s.build().position(), "service \"" + s.name() + "\" forwards the ssh agent (" + e.getKey()
                + "), but SSH_AUTH_SOCK is not set", "bake needs a running ssh agent when it builds");
          }
        } else if (!exists(e.getValue())) {
          diags.warning(e.getValue().text().position(), "the ssh key " + e.getValue().value() + " does not exist",
              "bake needs it when it builds");
        }
      }
      PathText ctx = s.build().context();
      if (ctx != null && (ctx.value().startsWith("git@") || ctx.value().startsWith("ssh://"))
          && (agent == null || agent.isEmpty())) {
        diags.warning(ctx.text().position(), "the context of service \"" + s.name()
            + "\" is fetched over ssh, but SSH_AUTH_SOCK is not set", "bake needs a running ssh agent when it builds");
      }
    }
  }

  private static boolean exists(PathText p) {
    String v = p.value();
    if (v.startsWith("~")) {
      return true; // expanded by the lowering; checked where the build runs
    }
    Path path = p.base().resolve(v);
    return Files.exists(path);
  }
}
