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

  /** Prints the diagnostics to stderr, warnings only unless quiet. */
  public void report(Diagnostics diags, boolean quiet) {
    DiagnosticRenderer renderer = new DiagnosticRenderer(colour());
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : diags.all()) {
      if (quiet && !d.isError()) {
        continue;
      }
      b.append(renderer.render(d));
    }
    if (diags.errorCount() > 1) {
      b.append(diags.errorCount()).append(" errors\n");
    }
    err.print(b);
    err.flush();
  }
}
