package dev.compose2bake.cli;

import dev.compose2bake.compose.LoadRequest;
import dev.compose2bake.source.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options that say which Compose project to load and which of its services to take, shared
 * by {@code build} and {@code graph}; they mean what they mean for {@code convert}.
 */
final class LoadingOptions {
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

  @Parameters(paramLabel = "SERVICE", arity = "0..*",
      description = "Services to take (globs allowed), with every service they build on.")
  List<String> services = new ArrayList<>();

  /**
   * The limits that COMPOSE2BAKE_LIMITS sets for this run, as for convert; null, with the reason
   * printed, when the variable is malformed (a usage error).
   */
  static YamlLimits limits(Console console) {
    try {
      return YamlLimits.parse(console.env().get(YamlLimits.VARIABLE));
    } catch (IllegalArgumentException e) {
      console.err().println("compose2bake: " + e.getMessage());
      return null;
    }
  }

  /** The load request; build and graph resolve every value with this run's environment. */
  LoadRequest request(Console console, YamlLimits limits) {
    return new LoadRequest(console.cwd(), files, projectDirectory, projectName, envFiles, profiles, console.env(),
        () -> readStdin(console, limits.maxBytes()), true);
  }

  /** Standard input, read up to one byte past the size limit so that the loader can report it. */
  static byte[] readStdin(Console console, int maxBytes) {
    try {
      return console.in().readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
