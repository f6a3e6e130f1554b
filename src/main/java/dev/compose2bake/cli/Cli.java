package dev.compose2bake.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Builds the command line and runs it against a {@link Console}; returns the exit code. */
public final class Cli {
  private static final Set<String> SUBCOMMANDS = Set.of("convert", "help");
  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private Cli() {}

  public static int run(String[] args, Console console) {
    List<String> argv = new ArrayList<>(Arrays.asList(args));
    // convert is the default command: `compose2bake -f compose.yaml` means `compose2bake convert -f ...`.
    if (argv.isEmpty() || (!SUBCOMMANDS.contains(argv.get(0)) && !TOP_LEVEL_OPTIONS.contains(argv.get(0)))) {
      argv.add(0, "convert");
    }
    CommandLine cmd = new CommandLine(new RootCommand())
        .addSubcommand("convert", new ConvertCommand(console))
        .addSubcommand("help", new CommandLine.HelpCommand());
    cmd.setOut(new java.io.PrintWriter(console.out(), true));
    cmd.setErr(new java.io.PrintWriter(console.err(), true));
    cmd.setParameterExceptionHandler((ex, a) -> {
      console.err().println("compose2bake: " + ex.getMessage());
      console.err().println("Run 'compose2bake --help' for usage.");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      // A bug, not bad input: one line for the user, the trace only when asked for.
      console.err().println("compose2bake: internal error: " + ex + " (please report it; set COMPOSE2BAKE_DEBUG=1"
          + " for details)");
      if (console.env().get("COMPOSE2BAKE_DEBUG") != null) {
        ex.printStackTrace(console.err());
      }
      return ExitCodes.INTERNAL;
    });
    try {
      return cmd.execute(argv.toArray(new String[0]));
    } catch (StackOverflowError | OutOfMemoryError ex) {
      // picocli passes errors through: still one line, never a stack trace (limits should make this unreachable).
      console.err().println("compose2bake: internal error: " + ex + " (the input is too large or too deeply nested"
          + " for this run; please report it)");
      return ExitCodes.INTERNAL;
    }
  }

  /** The top-level command: prints help when run alone. */
  @CommandLine.Command(name = "compose2bake", mixinStandardHelpOptions = true, version = "compose2bake 0.1.0",
      description = "Compiles a Docker Compose project into a Docker Bake definition.",
      subcommands = {})
  static final class RootCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }
  }
}
