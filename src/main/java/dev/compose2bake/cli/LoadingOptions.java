package dev.compose2bake.cli;

import dev.compose2bake.compose.LoadRequest;
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

  /** The load request; build and graph resolve every value with this run's environment. */
  LoadRequest request(Console console) {
    return new LoadRequest(console.cwd(), files, projectDirectory, projectName, envFiles, profiles, console.env(),
        () -> {
          try {
            return console.in().readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, true);
  }
}
