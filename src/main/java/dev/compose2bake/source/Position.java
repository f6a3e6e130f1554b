package dev.compose2bake.source;

/** A 1-based line and column in a source file; every node and diagnostic carries one. */
public record Position(SourceFile file, int line, int column) {

  /** A position that names only a file (line 0): for errors about a file as a whole. */
  public static Position ofFile(SourceFile file) {
    return new Position(file, 0, 0);
  }

  public boolean hasLine() {
    return line > 0;
  }

  @Override
  public String toString() {
    if (!hasLine()) {
      return file.displayName();
    }
    return file.displayName() + ":" + line + ":" + column;
  }
}
