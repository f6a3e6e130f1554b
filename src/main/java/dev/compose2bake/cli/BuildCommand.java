package dev.compose2bake.cli;

import dev.compose2bake.Compiler;
import dev.compose2bake.lower.VariablePlan;
import dev.compose2bake.bake.BakeInvocation;
import dev.compose2bake.bake.BakeRunner;
import dev.compose2bake.bake.BuildDefinition;
import dev.compose2bake.bake.Entitlements;
import dev.compose2bake.bake.PathResolver;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.emit.DocumentBuilder;
import dev.compose2bake.emit.JsonWriter;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.source.YamlLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compose2bake build}: compiles the project in memory and runs {@code docker buildx bake -f -}
 * on it in the working directory, with the entitlements it needs; buildx's exit code is ours.
 */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Builds the images of a Compose project with docker buildx bake.", "",
        "The Bake definition goes to buildx on standard input, with the --allow entitlements it needs "
            + "(contexts and files outside the working directory, network: host, privileged). Needs the docker "
            + "client with the buildx plugin, and an engine or a builder. Exit code: buildx's, or 2 usage, "
            + "3 invalid project, 4 unreadable file, 69 docker or buildx missing.", ""})
final class BuildCommand implements Callable<Integer> {
  private final Console console;

  @Mixin
  LoadingOptions loading = new LoadingOptions();

  @Option(names = "--print", description = "Print the definition as buildx reads it, without building.")
  boolean print;

  @Option(names = "--load", description = "Load the images into the docker engine (bake --load).")
  boolean load;

  @Option(names = "--push", description = "Push the images (bake --push).")
  boolean push;

  @Option(names = "--set", paramLabel = "TARGET.KEY=VALUE",
      description = "Override a target value (bake --set); repeat for several.")
  List<String> set = new ArrayList<>();

  @Option(names = "--builder", paramLabel = "NAME", description = "The buildx builder to use.")
  String builder;

  @Option(names = "--progress", paramLabel = "MODE", description = "auto, plain, tty, quiet or rawjson.")
  String progress;

  @Option(names = "--no-cache", description = "Do not use the build cache.")
  boolean noCache;

  @Option(names = "--pull", description = "Always pull referenced images.")
  boolean pull;

  @Option(names = "--allow", paramLabel = "ENTITLEMENT",
      description = "Grant one more entitlement (e.g. fs.write=DIR for an --set output); the ones the "
          + "definition needs are granted without asking.")
  List<String> allow = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the buildx command and its definition; run nothing.")
  boolean dryRun;

  @Option(names = {"-q", "--quiet"}, description = "Print errors only, no warnings.")
  boolean quiet;

  BuildCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    YamlLimits limits = LoadingOptions.limits(console);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    Compiler.Options options = new Compiler.Options(loading.request(console, limits), loading.services,
        Compiler.Format.JSON, console.cwd(), List.of("compose2bake", "build"), true, VariablePlan.EnvDefaults.ALL);
    Compiler.Result result = new Compiler(limits).compile(options);
    console.report(result.diagnostics(), quiet);
    if (!result.ok()) {
      return result.ioError() ? ExitCodes.IO : ExitCodes.INVALID;
    }
    BakeProject definition = BuildDefinition.forBuild(result.project(), result.compose());
    String json = new JsonWriter().write(DocumentBuilder.resolved().build(definition, List.of()));
    List<String> entitlements = Entitlements.required(definition, console.cwd(), PathResolver.FILE_SYSTEM);
    BakeInvocation invocation = BakeInvocation.of(new BakeInvocation.Options(print, load, push, set, builder,
        progress, noCache, pull, allow), entitlements, json);
    if (dryRun) {
      console.out().print(invocation.render());
      console.out().flush();
      return ExitCodes.OK;
    }
    BakeRunner runner = new BakeRunner(console.cwd(), console.env(), console.system(), console.out(), console.err());
    try {
      return runner.run(invocation);
    } catch (BakeRunner.ToolMissing e) {
      Diagnostics d = new Diagnostics();
      d.error(null, e.getMessage(), e.hint());
      console.report(d, false);
      return ExitCodes.UNAVAILABLE;
    } catch (IOException e) {
      Diagnostics d = new Diagnostics();
      d.error(null, "cannot run docker buildx bake: " + e.getMessage(), null);
      console.report(d, false);
      return ExitCodes.UNAVAILABLE;
    }
  }
}
