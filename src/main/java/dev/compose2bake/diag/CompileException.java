package dev.compose2bake.diag;

/**
 * Stops a stage at an error that makes further work on the same input pointless (a YAML syntax
 * error, an unreadable file). The driver turns it into a diagnostic; it never reaches the user as a
 * stack trace.
 */
public final class CompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Diagnostic diagnostic;
  private final boolean ioError;

  public CompileException(Diagnostic diagnostic) {
    this(diagnostic, false);
  }

  public CompileException(Diagnostic diagnostic, boolean ioError) {
    super(diagnostic.message(), null, false, false);
    this.diagnostic = diagnostic;
    this.ioError = ioError;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }

  /** True when a file could not be read or written (exit code 4), not when the input is invalid. */
  public boolean isIoError() {
    return ioError;
  }
}
