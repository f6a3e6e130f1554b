package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import java.util.List;

/** Runs every rule, in a fixed order, so the same input always gives the same diagnostics. */
public final class Validator {
  private static final List<Rule> COMPOSE_RULES = List.of(
      new ServiceHasImageOrBuild(),
      new DockerfileOrInline(),
      new SecretsDeclared(),
      new ServiceContextsExist(),
      new TargetNamesUnique());

  private static final List<Rule> TARGET_RULES = List.of(
      new ContextGraph(),
      new LinkedPlatforms(),
      new LocalFilesPresent());

  private Validator() {}

  /** Rules about the Compose model; they run before lowering. */
  public static void checkCompose(ComposeProject project, Diagnostics diags) {
    for (Rule r : COMPOSE_RULES) {
      r.check(project, List.of(), diags);
    }
  }

  /** Rules about the lowered targets. */
  public static void checkTargets(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    for (Rule r : TARGET_RULES) {
      r.check(project, targets, diags);
    }
  }
}
