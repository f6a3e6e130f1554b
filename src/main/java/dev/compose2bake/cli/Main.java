package dev.compose2bake.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process entry point: the only place that ends the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // UTF-8 whatever the locale: bake files and diagnostics are UTF-8 text.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    Console console = new Console(Path.of("").toAbsolutePath(), System.getenv(), System.in, out, err,
        stderrIsTerminal(), true);
    int code = Cli.run(args, console);
    out.flush();
    err.flush();
    System.out.flush();
    System.err.flush();
    // halt, not System.exit: from JDK 21 on, exit looks up a System.Logger for its debug log, which
    // starts the logging framework and scans the class path, a measurable part of a small run. The
    // shutdown sequence has nothing to do here: the streams are flushed, and the two hooks the
    // program registers (removing a half-written output file, stopping buildx) are there for a
    // signal; the code that registers them has cleaned up by the time run returns.
    Runtime.getRuntime().halt(code);
  }

  /**
   * Whether standard error, where diagnostics go, is a terminal. System.console() answers for
   * standard input and output, so {@code compose2bake 2> log} on a terminal would put colour codes
   * into the log; on Linux the answer comes from what file descriptor 2 is.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
