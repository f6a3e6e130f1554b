package dev.compose2bake.cli;

import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.diag.DiagnosticRenderer;
import dev.compose2bake.diag.Diagnostics;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, injected so that the whole command line
 * runs in-process in tests: the working directory, the environment, the standard streams, whether
 * stderr is a terminal (for colour), and whether the streams are this process's own standard
 * streams ({@code system}), which a child process such as buildx may then inherit.
 */
public record Console(Path cwd, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
    boolean terminal, boolean system) {

  /** A console over streams of the caller's own (tests): child processes' output is copied to them. */
  public Console(Path cwd, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
      boolean terminal) {
    this(cwd, env, in, out, err, terminal, false);
  }

  public boolean colour() {
    String noColor = env.get("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
  }

  /**
   * At most this many errors, and this many warnings, are printed; the rest are counted (a
   * generated file can have thousands). Counted apart, so that warnings never hide an error.
   */
  static final int MAX_SHOWN = 100;

  /** Prints the diagnostics to stderr, warnings only unless quiet. */
  public void report(Diagnostics diags, boolean quiet) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(colour());
    StringBuilder b = new StringBuilder();
    int errors = 0;
    int warnings = 0;
    for (Diagnostic d : diags.all()) {
      if (d.isError()) {
        if (++errors <= MAX_SHOWN) {
          b.append(renderer.render(d));
        }
      } else if (!quiet && ++warnings <= MAX_SHOWN) {
        b.append(renderer.render(d));
      }
    }
    int hiddenErrors = Math.max(0, errors - MAX_SHOWN);
    int hiddenWarnings = Math.max(0, warnings - MAX_SHOWN);
    if (hiddenErrors + hiddenWarnings > 0) {
      b.append("(not shown: ");
      if (hiddenErrors > 0) {
        b.append(hiddenErrors).append(hiddenErrors == 1 ? " more error" : " more errors");
      }
      if (hiddenWarnings > 0) {
        b.append(hiddenErrors > 0 ? ", " : "").append(hiddenWarnings)
            .append(hiddenWarnings == 1 ? " more warning" : " more warnings");
      }
      b.append(")\n");
    }
    if (diags.errorCount() > 1) {
      b.append(diags.errorCount()).append(" errors\n");
    }
    err.print(b);
    err.flush();
  }
}
