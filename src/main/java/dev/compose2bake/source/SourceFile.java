package dev.compose2bake.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one input file, with the name under which diagnostics show it and an index of line
 * starts so that any later stage can quote the line an error points at.
 */
public final class SourceFile {
  private final String displayName;
  private final Path path;
  private final String text;
  private int[] lineStarts;

  public SourceFile(String displayName, Path path, String text) {
    this.displayName = displayName;
    this.path = path;
    this.text = text;
  }

  /** The name shown in diagnostics: the path as the user wrote it, or relative to the working directory. */
  public String displayName() {
    return displayName;
  }

  /** The absolute, normalised path of the file, or null for standard input. */
  public Path path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The 1-based line {@code line} without its line terminator, or "" when out of range. */
  public String line(int line) {
    int[] starts = lineStarts();
    if (line < 1 || line > starts.length) {
      return "";
    }
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 1-based line and column of a character offset. */
  public int[] lineAndColumn(int offset) {
    int[] starts = lineStarts();
    int index = Arrays.binarySearch(starts, offset);
    int line = index >= 0 ? index : -index - 2;
    return new int[] {line + 1, offset - starts[line] + 1};
  }

  public Position position(int line, int column) {
    return new Position(this, line, column);
  }

  /**
   * Where each line starts. A line ends at LF, CRLF or a lone CR, the line breaks of YAML 1.2 (so
   * that the lines agree with snakeyaml's marks, also in old Mac files that use CR alone).
   */
  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts == null) {
      int[] buf = new int[16];
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          if (count == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
          buf[count++] = i + 1;
        }
      }
      starts = Arrays.copyOf(buf, count);
      lineStarts = starts;
    }
    return starts;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
