package dev.compose2bake.compose;

import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.SourceFile;
import java.nio.file.Path;
import java.util.List;

/**
 * A Compose project after loading: the merged, interpolated, canonical document, the project
 * directory that relative paths resolve against, the project name, the interpolation environment,
 * the files it was read from (for the bake file's header), and the bake files named with -f.
 */
public record LoadedProject(
    MapNode root, Path projectDir, String projectName, Environment environment, List<SourceFile> files,
    List<String> activeProfiles, List<SourceFile> bakeFiles, List<RequiredVariable> requiredVariables) {}
