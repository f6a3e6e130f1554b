package dev.compose2bake.diag;

import dev.compose2bake.source.Position;

/**
 * One finding of any stage: what is wrong, where (null when no source position applies), and an
 * optional hint on how to fix it.
 */
public record Diagnostic(Severity severity, Position position, String message, String hint) {

  public static Diagnostic error(Position position, String message) {
    return new Diagnostic(Severity.ERROR, position, message, null);
  }

  public static Diagnostic error(Position position, String message, String hint) {
    return new Diagnostic(Severity.ERROR, position, message, hint);
  }

  public static Diagnostic warning(Position position, String message) {
    return new Diagnostic(Severity.WARNING, position, message, null);
  }

  public static Diagnostic warning(Position position, String message, String hint) {
    return new Diagnostic(Severity.WARNING, position, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(severity, position, message, newHint);
  }
}
