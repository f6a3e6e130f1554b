package dev.compose2bake.cli;

import dev.compose2bake.Compiler;
import dev.compose2bake.compose.LoadRequest;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.emit.OutputFile;
import dev.compose2bake.lower.VariablePlan;
import dev.compose2bake.source.Ascii;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.SourceFile;
import dev.compose2bake.source.YamlLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compose2bake [convert]}: writes the bake definition of a Compose project. */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes the Docker Bake definition of a Compose project, in HCL or JSON.", "",
        "The project is loaded as `docker compose` loads it; each service with a build section becomes a"
            + " bake target as `docker buildx bake` would make it. Compose variables stay bake variables, so"
            + " the file can be committed; paths are relative to the output file's folder."},
    footer = {"", "Examples:",
        "  compose2bake -f compose.yaml -o docker-bake.hcl",
        "  compose2bake -f compose.yaml -f compose.prod.yaml --profile tools -o docker-bake.json",
        "  compose2bake -o docker-bake.hcl --check        # in CI or pre-commit: fail on drift",
        "  compose2bake api worker                        # only these services and what they build on"})
final class ConvertCommand implements Callable<Integer> {
  private final Console console;

  @Option(names = {"-f", "--file"}, paramLabel = "FILE",
      description = "Compose file; repeat to merge several, '-' reads standard input. "
          + "Default: COMPOSE_FILE, or compose.yaml and its override file.")
  List<String> files = new ArrayList<>();

  @Option(names = "--project-directory", paramLabel = "DIR",
      description = "Directory that relative paths and .env are resolved against (default: the first file's).")
  String projectDirectory;

  @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
  String projectName;

  @Option(names = "--env-file", paramLabel = "FILE",
      description = "Env file to read instead of the project's .env; repeat for several.")
  List<String> envFiles = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "Profile to enable; repeat for several (default: COMPOSE_PROFILES).")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "hcl or json (default: from the output file's extension, else hcl).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE, atomically (default: standard output).")
  String output;

  @Option(names = "--resolve",
      description = "Write every value resolved with this run's environment (a snapshot) instead of keeping"
          + " Compose variables as bake variables.")
  boolean resolve;

  @Option(names = "--env-defaults", paramLabel = "WHICH",
      description = "Which values of .env / --env-file become defaults of bake variables: all, safe (all but"
          + " credential-like names; the default) or none.")
  String envDefaults = "safe";

  @Option(names = "--check",
      description = "Do not write: regenerate in memory and compare with the -o file. Exit 0 when it is up to"
          + " date, 1 (with a unified diff) when it is not or does not exist. For pre-commit and CI.")
  boolean check;

  @Option(names = {"-q", "--quiet"}, description = "Print errors only, no warnings.")
  boolean quiet;

  @Parameters(paramLabel = "SERVICE", arity = "0..*",
      description = "Services to bake (globs allowed), with every service they build on.")
  List<String> services = new ArrayList<>();

  ConvertCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() {
    Compiler.Format fmt;
    VariablePlan.EnvDefaults defaults;
    try {
      fmt = format();
      defaults = envDefaults();
    } catch (IllegalArgumentException e) {
      console.err().println("compose2bake: " + e.getMessage());
      console.err().println("Run 'compose2bake --help' for usage.");
      return ExitCodes.USAGE;
    }
    if (check && output == null) {
      console.err().println("compose2bake: --check compares with a file: name it with -o FILE");
      return ExitCodes.USAGE;
    }
    YamlLimits limits = LoadingOptions.limits(console);
    if (limits == null) {
      return ExitCodes.USAGE;
    }
    Path cwd = console.cwd();
    Path outFile = output == null ? null : cwd.resolve(output).normalize();
    LoadRequest load = new LoadRequest(cwd, files, projectDirectory, projectName, envFiles, profiles,
        console.env(), () -> LoadingOptions.readStdin(console, limits.maxBytes()), resolve);
    Path outputDir = outFile == null ? cwd : outFile.getParent();
    Compiler.Options options = new Compiler.Options(load, services, fmt, outputDir, commandLine(cwd, outputDir),
        resolve, defaults);
    Compiler.Result result = new Compiler(limits).compile(options);
    console.report(result.diagnostics(), quiet);
    if (!result.ok()) {
      return result.ioError() ? ExitCodes.IO : ExitCodes.INVALID;
    }
    if (check) {
      return check(outFile, result.output(), options.commandLine());
    }
    if (outFile == null) {
      console.out().print(result.output());
      console.out().flush();
      return ExitCodes.OK;
    }
    try {
      if (Files.isDirectory(outFile)) {
        throw new IOException("it is a directory");
      }
      OutputFile.write(outFile, result.output());
    } catch (IOException | RuntimeException e) {
      Diagnostics diags = new Diagnostics();
      diags.error(Position.ofFile(new SourceFile(output, outFile, "")), "cannot write the output file: "
          + reason(e), "the file keeps its old contents; check the path and the folder's permissions");
      console.report(diags, quiet);
      return ExitCodes.IO;
    }
    return ExitCodes.OK;
  }

  /** Compares the generated text with the file; never writes it. */
  private int check(Path outFile, String generated, List<String> command) {
    String regenerate = String.join(" ", command);
    if (!java.nio.file.Files.exists(outFile)) {
      console.err().println("compose2bake: " + output + " does not exist; generate it with: " + regenerate);
      return ExitCodes.OUT_OF_DATE;
    }
    String current;
    try {
      current = java.nio.file.Files.readString(outFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      console.err().println("compose2bake: cannot read " + output + ": " + e.getMessage());
      return ExitCodes.IO;
    }
    if (current.equals(generated)) {
      return ExitCodes.OK;
    }
    console.out().print(UnifiedDiff.diff(output, output + " (regenerated)", current, generated));
    console.out().flush();
    console.err().println("compose2bake: " + output + " is out of date with the Compose files; regenerate it,"
        + " from its folder, with: " + regenerate);
    return ExitCodes.OUT_OF_DATE;
  }

  /** What went wrong with a file, in words: Java's own messages for these name only the path. */
  static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + ((NoSuchFileException) e).getFile();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + ((AccessDeniedException) e).getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason() + ": " + f.getFile();
    }
    if (e instanceof FileSystemException f) {
      return e.getClass().getSimpleName().replace("Exception", "") + ": " + f.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private Compiler.Format format() {
    String f = format;
    if (f == null && output != null) {
      String lower = output.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".json")) {
        f = "json";
      }
    }
    if (f == null) {
      return Compiler.Format.HCL;
    }
    return switch (f.toLowerCase(Locale.ROOT)) {
      case "hcl" -> Compiler.Format.HCL;
      case "json" -> Compiler.Format.JSON;
      default -> throw new IllegalArgumentException("unknown --format '" + f + "': use hcl or json");
    };
  }

  private VariablePlan.EnvDefaults envDefaults() {
    return switch (envDefaults.toLowerCase(Locale.ROOT)) {
      case "all" -> VariablePlan.EnvDefaults.ALL;
      case "safe" -> VariablePlan.EnvDefaults.SAFE;
      case "none" -> VariablePlan.EnvDefaults.NONE;
      default -> throw new IllegalArgumentException("unknown --env-defaults '" + envDefaults
          + "': use all, safe or none");
    };
  }

  /**
   * The command that regenerates this output, for the file's header: normalised, with paths
   * relative to the output file's folder (where it is meant to be run), so that the same output
   * comes from any working directory.
   */
  private List<String> commandLine(Path cwd, Path outputDir) {
    List<String> out = new ArrayList<>();
    out.add("compose2bake");
    for (String f : files) {
      out.add("-f");
      out.add(f.equals("-") ? "-" : relative(cwd, outputDir, f));
    }
    if (projectDirectory != null) {
      out.add("--project-directory");
      out.add(relative(cwd, outputDir, projectDirectory));
    }
    if (projectName != null) {
      out.add("-p");
      out.add(projectName);
    }
    for (String e : envFiles) {
      out.add("--env-file");
      out.add(relative(cwd, outputDir, e));
    }
    for (String p : profiles) {
      out.add("--profile");
      out.add(p);
    }
    if (resolve) {
      out.add("--resolve");
    }
    if (!envDefaults.equalsIgnoreCase("safe")) {
      out.add("--env-defaults");
      out.add(envDefaults.toLowerCase(Locale.ROOT));
    }
    if (format != null) {
      out.add("--format");
      out.add(format.toLowerCase(Locale.ROOT));
    }
    if (output != null) {
      out.add("-o");
      out.add(relative(cwd, outputDir, output));
    }
    out.addAll(services);
    List<String> quoted = new ArrayList<>();
    for (String a : out) {
      quoted.add(shellQuote(a));
    }
    return quoted;
  }

  /** A path the user gave, relative to the output folder; an absolute path stays as written. */
  static String relative(Path cwd, Path outputDir, String given) {
    if (Path.of(given).isAbsolute()) {
      return given;
    }
    String rel = outputDir.relativize(cwd.resolve(given).normalize()).toString();
    return rel.isEmpty() ? "." : rel;
  }

  static String shellQuote(String s) {
    if (Ascii.only(s, "_@%+=:,./-")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
