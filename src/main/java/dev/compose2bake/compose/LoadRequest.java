package dev.compose2bake.compose;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What to load, as the command line says it: the working directory, the {@code -f} files (empty
 * for default discovery), {@code --project-directory}, {@code -p}, {@code --env-file}s, the active
 * {@code --profile}s, the process environment, and the bytes of standard input for {@code -f -}.
 */
public record LoadRequest(
    Path cwd,
    List<String> files,
    String projectDirectory,
    String projectName,
    List<String> envFiles,
    List<String> profiles,
    Map<String, String> processEnv,
    Supplier<byte[]> stdin) {

  public LoadRequest {
    files = List.copyOf(files);
    envFiles = List.copyOf(envFiles);
    profiles = List.copyOf(profiles);
    processEnv = Map.copyOf(processEnv);
  }
}
