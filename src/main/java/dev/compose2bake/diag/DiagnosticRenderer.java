package dev.compose2bake.diag;

import dev.compose2bake.source.Position;

/**
 * Renders a diagnostic for people: {@code file:line:column: error: message}, then the source line
 * and a caret under the column, then the hint. Colour is used only when asked for (a terminal
 * without NO_COLOR); the text is otherwise plain and stable, so golden files can hold it.
 */
public final class DiagnosticRenderer {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";

  private final boolean colour;

  public DiagnosticRenderer(boolean colour) {
    this.colour = colour;
  }

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    Position pos = d.position();
    if (pos != null) {
      out.append(paint(BOLD, pos.toString())).append(": ");
    }
    boolean error = d.severity() == Severity.ERROR;
    out.append(paint(error ? RED : YELLOW, d.severity().label())).append(": ");
    out.append(paint(BOLD, d.message())).append('\n');
    if (pos != null && pos.hasLine()) {
      String line = pos.file().line(pos.line());
      if (!line.isEmpty()) {
        out.append("    ").append(line).append('\n');
        out.append("    ").append(caretPrefix(line, pos.column())).append(paint(GREEN, "^")).append('\n');
      }
    }
    if (d.hint() != null && !d.hint().isEmpty()) {
      out.append("  ").append(paint(CYAN, "hint:")).append(' ').append(d.hint()).append('\n');
    }
    return out.toString();
  }

  /** Spaces up to the column, keeping tabs so that the caret lines up under the character. */
  private static String caretPrefix(String line, int column) {
    StringBuilder b = new StringBuilder();
    int n = Math.min(Math.max(column - 1, 0), line.length());
    for (int i = 0; i < n; i++) {
      b.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return b.toString();
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
