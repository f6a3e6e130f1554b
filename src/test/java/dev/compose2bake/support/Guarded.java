package dev.compose2bake.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs the command line in-process under a time bound, on a thread of its own with a stack of the
 * size the launcher gives the main thread, and checks what every run on hostile input must
 * satisfy: no stack trace, no internal error, no temporary file left behind.
 */
public final class Guarded {
  /** No single input may take longer than this. */
  public static final long TIME_BOUND_SECONDS = 20;

  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(null, r, "c2b-guarded", 1L << 20);
    t.setDaemon(true);
    return t;
  });

  private Guarded() {}

  public static InProcess.Run run(Path cwd, Map<String, String> env, String stdin, List<String> args) {
    Future<InProcess.Run> f = POOL.submit(() -> InProcess.run(cwd, env, stdin, args.toArray(new String[0])));
    try {
      return f.get(TIME_BOUND_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return fail("no result within " + TIME_BOUND_SECONDS + " s (a hang?) for " + args + " in " + cwd);
    } catch (ExecutionException e) {
      return fail("the command line threw " + e.getCause() + " for " + args + " in " + cwd, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    }
  }

  public static void assertNoStackTrace(InProcess.Run r) {
    String err = r.stderr();
    assertFalse(err.contains("\tat ") || err.contains("Exception in thread") || err.matches("(?s).*\\w+(Exception|Error): .*")
        && err.contains("java."), "stack trace or exception printed:\n" + err);
    assertFalse(err.contains("internal error"), "internal error:\n" + err);
    assertTrue(r.exitCode() != 70, "exit 70 (internal error):\n" + err);
  }

  public static void assertNoTemporaryFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      List<Path> tmp = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
      assertTrue(tmp.isEmpty(), "temporary files left behind: " + tmp);
    }
  }
}
