package dev.compose2bake.cli;

import dev.compose2bake.Compiler;
import dev.compose2bake.lower.VariablePlan;
import dev.compose2bake.graph.BuildGraph;
import dev.compose2bake.graph.DotWriter;
import dev.compose2bake.graph.MermaidWriter;
import dev.compose2bake.source.YamlLimits;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code compose2bake graph}: the build graph of a Compose project, in DOT or Mermaid. */
@Command(name = "graph", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Prints the build graph of a Compose project (Graphviz DOT or Mermaid).", "",
        "Its bake targets, the service:/target: references between them, and the images and other named "
            + "contexts they use.", ""})
final class GraphCommand implements Callable<Integer> {
  private final Console console;

  @Mixin
  LoadingOptions loading = new LoadingOptions();

  @Option(names = "--format", paramLabel = "FORMAT", description = "dot (Graphviz, the default) or mermaid.")
  String format = "dot";

  @Option(names = {"-q", "--quiet"}, description = "Print errors only, no warnings.")
  boolean quiet;

  GraphCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("dot") && !f.equals("mermaid")) {
      console.err().println("compose2bake: unknown --format '" + format + "': use dot or mermaid");
      console.err().println("Run 'compose2bake graph --help' for usage.");
      return ExitCodes.USAGE;
    }
    YamlLimits limits = LoadingOptions.limits(console);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    Compiler.Options options = new Compiler.Options(loading.request(console, limits), loading.services,
        Compiler.Format.JSON, console.cwd(), List.of("compose2bake", "graph"), true, VariablePlan.EnvDefaults.ALL);
    Compiler.Result result = new Compiler(limits).compile(options);
    console.report(result.diagnostics(), quiet);
    if (!result.ok()) {
      return result.ioError() ? ExitCodes.IO : ExitCodes.INVALID;
    }
    BuildGraph graph = BuildGraph.of(result.project(), result.compose());
    console.out().print(f.equals("dot") ? new DotWriter().write(graph) : new MermaidWriter().write(graph));
    console.out().flush();
    return ExitCodes.OK;
  }
}
