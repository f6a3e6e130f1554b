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

  /** Source lines longer than this are shown as a window around the column. */
  static final int MAX_LINE = 160;

  public String render(Diagnostic d) {
    StringBuilder out = new StringBuilder();
    Position pos = d.position();
    if (pos != null) {
      out.append(paint(BOLD, printable(pos.toString()))).append(": ");
    }
    boolean error = d.severity() == Severity.ERROR;
    out.append(paint(error ? RED : YELLOW, d.severity().label())).append(": ");
    out.append(paint(BOLD, printable(d.message()))).append('\n');
    if (pos != null && pos.hasLine()) {
      String line = pos.file().line(pos.line());
      if (!line.isEmpty()) {
        appendSourceLine(out, line, pos.column());
      }
    }
    if (d.hint() != null && !d.hint().isEmpty()) {
      out.append("  ").append(paint(CYAN, "hint:")).append(' ').append(printable(d.hint())).append('\n');
    }
    return out.toString();
  }

  /**
   * The source line and a caret under the column. Characters that would act on a terminal rather
   * than show (control characters, bidirectional overrides, line separators) are shown as escapes,
   * so a hostile file cannot rewrite the log it is reported in; tabs are kept, so that the caret
   * lines up; a long line is cut to a window around the column.
   */
  private void appendSourceLine(StringBuilder out, String line, int column) {
    int col = Math.min(Math.max(column - 1, 0), line.length());
    int from = 0;
    int to = line.length();
    if (line.length() > MAX_LINE) {
      from = Math.max(0, Math.min(col - MAX_LINE / 3, line.length() - MAX_LINE));
      if (from > 0 && Character.isLowSurrogate(line.charAt(from))) {
        from--;
      }
      to = Math.min(line.length(), from + MAX_LINE);
      if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
        to++;
      }
    }
    StringBuilder shown = new StringBuilder();
    StringBuilder caret = new StringBuilder();
    if (from > 0) {
      shown.append("...");
      caret.append("   ");
    }
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      String piece = c == '\t' ? "\t" : printable(String.valueOf(c));
      if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(line.charAt(i + 1))) {
        piece = line.substring(i, i + 2);
      }
      if (i < col) {
        for (int k = 0; k < piece.length(); k++) {
          caret.append(c == '\t' ? '\t' : ' ');
        }
      }
      shown.append(piece);
      if (piece.length() == 2 && Character.isHighSurrogate(piece.charAt(0))) {
        i++;
      }
    }
    if (to < line.length()) {
      shown.append("...");
    }
    out.append("    ").append(shown).append('\n');
    out.append("    ").append(caret).append(paint(GREEN, "^")).append('\n');
  }

  /**
   * The text with every character that a terminal would act on written as an escape such as
   * {@code \\u001B}: C0 and C1 control characters (tab excepted), bidirectional
   * controls (the "Trojan Source" characters) and line separators, and lone surrogates.
   */
  public static String printable(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      boolean unsafe = !pair && (c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x061C
          || c == 0x200E || c == 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069
          || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c));
      if (unsafe && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (unsafe) {
          b.append(String.format("\\u%04X", (int) c));
        } else {
          b.append(c);
          if (pair) {
            b.append(s.charAt(++i));
          }
        }
      } else if (pair) {
        i++;
      }
    }
    return b == null ? s : b.toString();
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
