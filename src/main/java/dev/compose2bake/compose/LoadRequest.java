package dev.compose2bake.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What to load, as the command line says it: the working directory, the {@code -f} files (empty
 * for default discovery), {@code --project-directory}, {@code -p}, {@code --env-file}s, the active
 * {@code --profile}s, the process environment, the bytes of standard input for {@code -f -}, and
 * whether the output is a resolved snapshot (then a missing required variable is an error at once).
 */
public record LoadRequest(
    Path cwd,
    List<String> files,
    String projectDirectory,
    String projectName,
    List<String> envFiles,
    List<String> profiles,
    Map<String, String> processEnv,
    Supplier<byte[]> stdin,
    boolean resolveVariables) {

  public LoadRequest {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = List.copyOf(profiles);
    processEnv = Map.copyOf(processEnv);
  }
}
