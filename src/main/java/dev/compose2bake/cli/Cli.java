package dev.compose2bake.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Builds the command line and runs it against a {@link Console}; returns the exit code. */
public final class Cli {
  private static final Set<String> SUBCOMMANDS = Set.of("convert", "build", "graph", "help", "completion");
  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  private Cli() {}

  public static int run(String[] args, Console console) {
    // A plain convert command line, the common case, is read without picocli (see QuickArgs).
    ConvertCommand quick = QuickArgs.parse(args, console);
    if (quick != null) {
      return call(quick, console);
    }
    return runWithPicocli(args, console);
  }

  /** Runs convert as picocli's execute would once it has read the command line. */
  static int call(ConvertCommand convert, Console console) {
    try {
      return convert.call();
    } catch (RuntimeException ex) {
      return internalError(ex, console);
    } catch (StackOverflowError | OutOfMemoryError ex) {
      return tooLarge(ex, console);
    }
  }

  /** The whole command line read by picocli: help, version, usage errors and every command. */
  static int runWithPicocli(String[] args, Console console) {
    CommandLine cmd = commandLine(args, console);
    try {
      return cmd.execute(withCommand(args));
    } catch (StackOverflowError | OutOfMemoryError ex) {
      // picocli passes errors through: still one line, never a stack trace (limits should make this unreachable).
      return tooLarge(ex, console);
    }
  }

  /** The arguments with the command named first: convert when none is. */
  static String[] withCommand(String[] args) {
    List<String> argv = new ArrayList<>(Arrays.asList(args));
    // convert is the default command: `compose2bake -f compose.yaml` means `compose2bake convert -f ...`.
    if (argv.isEmpty() || (!SUBCOMMANDS.contains(argv.get(0)) && !TOP_LEVEL_OPTIONS.contains(argv.get(0)))) {
      argv.add(0, "convert");
    }
    return argv.toArray(new String[0]);
  }

  /** picocli's model of the command line that runs {@code args}, its handlers set. */
  static CommandLine commandLine(String[] args, Console console) {
    List<String> argv = Arrays.asList(withCommand(args));
    // picocli reads a command's annotations when it is added: only the command that runs is added
    // (all of them for help and completion), so that convert, the common case, loads no class of the others.
    String name = argv.get(0);
    boolean all = !SUBCOMMANDS.contains(name) || name.equals("help") || name.equals("completion");
    CommandLine cmd = new CommandLine(new RootCommand());
    if (all || name.equals("convert")) {
      cmd.addSubcommand("convert", new ConvertCommand(console));
    }
    if (all || name.equals("build")) {
      cmd.addSubcommand("build", new BuildCommand(console));
    }
    if (all || name.equals("graph")) {
      cmd.addSubcommand("graph", new GraphCommand(console));
    }
    cmd.addSubcommand("help", new CommandLine.HelpCommand());
    if (all) {
      cmd.addSubcommand("completion", new CompletionCommand());
    }
    cmd.setUsageHelpWidth(100);
    cmd.setOut(new java.io.PrintWriter(console.out(), true));
    cmd.setErr(new java.io.PrintWriter(console.err(), true));
    cmd.setParameterExceptionHandler((ex, a) -> {
      console.err().println("compose2bake: " + ex.getMessage());
      console.err().println("Run 'compose2bake --help' for usage.");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> internalError(ex, console));
    return cmd;
  }

  /** A bug, not bad input: one line for the user, the trace only when asked for. */
  private static int internalError(Exception ex, Console console) {
    console.err().println("compose2bake: internal error: " + ex + " (please report it; set COMPOSE2BAKE_DEBUG=1"
        + " for details)");
    if (console.env().get("COMPOSE2BAKE_DEBUG") != null) {
      ex.printStackTrace(console.err());
    }
    return ExitCodes.INTERNAL;
  }

  private static int tooLarge(Error ex, Console console) {
    console.err().println("compose2bake: internal error: " + ex + " (the input is too large or too deeply nested"
        + " for this run; please report it)");
    return ExitCodes.INTERNAL;
  }

  /** The top-level command: prints help when run alone. */
  @CommandLine.Command(name = "compose2bake", mixinStandardHelpOptions = true, version = "compose2bake 0.1.0",
      description = {"Compiles a Docker Compose project into a Docker Bake definition (docker-bake.hcl or"
          + " .json) that `docker buildx bake` reads as it reads the Compose project.", "",
          "Without a command, `convert` runs: compose2bake -f compose.yaml -o docker-bake.hcl"},
      footer = {"", "Exit codes: 0 ok, 1 --check found the file out of date, 2 wrong command line,"
          + " 3 invalid Compose project, 4 a file could not be read or written."},
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
