package dev.compose2bake.diag;

import dev.compose2bake.source.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The diagnostics of one run, in the order they were found. Stages add to it and never print; the
 * driver checks {@link #hasErrors()} after each stage and stops there, like a compiler.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();
  private final Set<Diagnostic> seen = new LinkedHashSet<>();
  private int errors;

  public void add(Diagnostic diagnostic) {
    if (!seen.add(diagnostic)) {
      return; // the same finding reached twice (e.g. through a YAML alias) is reported once
    }
    all.add(diagnostic);
    if (diagnostic.isError()) {
      errors++;
    }
  }

  public void error(Position position, String message) {
    add(Diagnostic.error(position, message));
  }

  public void error(Position position, String message, String hint) {
    add(Diagnostic.error(position, message, hint));
  }

  public void warning(Position position, String message) {
    add(Diagnostic.warning(position, message));
  }

  public void warning(Position position, String message, String hint) {
    add(Diagnostic.warning(position, message, hint));
  }

  public boolean hasErrors() {
    return errors > 0;
  }

  public int errorCount() {
    return errors;
  }

  public List<Diagnostic> all() {
    return Collections.unmodifiableList(all);
  }
}
