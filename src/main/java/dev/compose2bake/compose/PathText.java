package dev.compose2bake.compose;

import java.nio.file.Path;

/**
 * A path as written in a Compose file, with the directory it is relative to: the project
 * directory, or the folder of an extended or included file (Compose re-bases those).
 */
public record PathText(Text text, Path base) {
  public String value() {
    return text.value();
  }
}
