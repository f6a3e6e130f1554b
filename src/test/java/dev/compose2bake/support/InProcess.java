package dev.compose2bake.support;

import dev.compose2bake.cli.Cli;
import dev.compose2bake.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in-process with a given directory and environment, capturing both streams. */
public final class InProcess {
  private InProcess() {}

  /** What a run printed and returned. */
  public record Run(int exitCode, String stdout, String stderr) {}

  public static Run run(Path cwd, Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Console console = new Console(cwd, env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e,
        false);
    int code = Cli.run(args, console);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
