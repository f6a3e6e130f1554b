package dev.compose2bake.compose;

/** A {@code .env} or {@code env_file} file that cannot be read: its name, the 1-based line and the problem. */
public final class DotEnvException extends RuntimeException {

  private final String fileName;
  private final int line;
  private final String problem;

  DotEnvException(String fileName, int line, String problem, Throwable cause) {
    // Bad input, not a bug: no stack trace is recorded.
    super(fileName + ":" + line + ": " + problem, cause, false, false);
    this.fileName = fileName;
    this.line = line;
    this.problem = problem;
  }

  public String fileName() {
    return fileName;
  }

  /** The 1-based line of the statement at fault. */
  public int line() {
    return line;
  }

  /** The message without the file name and line. */
  public String problem() {
    return problem;
  }
}
