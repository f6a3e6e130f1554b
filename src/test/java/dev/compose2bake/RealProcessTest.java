package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.Guarded;
import dev.compose2bake.support.InProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process (a JVM of its own running {@code dev.compose2bake.cli.Main}, as the jar does):
 * killed while it writes a large output file, the old file stays byte for byte; SIGTERM leaves no
 * temporary file; after SIGKILL the next run removes the orphan. Its diagnostics have no colour
 * when stderr is a file, even without NO_COLOR.
 */
class RealProcessTest {
  private static final byte[] OLD = BadInputCorpusTest.OLD_OUTPUT;

  @TempDir
  Path dir;

  @Test
  void killedWithSigkillWhileWritingTheOldFileStaysAndTheNextRunRemovesTheOrphan() throws Exception {
    Path out = bigProject();
    assertTrue(killWhileWritingWithRetries(out, true), "never saw the temporary file in 3 tries: the output was"
        + " written too fast");
    assertArrayEquals(OLD, Files.readAllBytes(out), "the old output file was changed by a killed writer");
    List<Path> orphans = temporaryFiles();
    System.out.println("RealProcessTest: after SIGKILL, temporary files left: " + orphans.size());
    // The next write to the same file removes the orphan of the dead writer.
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build: .\n");
    InProcess.Run r = Guarded.run(dir, Map.of("HOME", "/home/user"), "", List.of("-f", "compose.yaml", "-o",
        "docker-bake.hcl"));
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals(List.of(), temporaryFiles());
    assertTrue(Files.readString(out).contains("target \"web\""));
  }

  @Test
  void stoppedWithSigtermWhileWritingTheOldFileStaysAndNoTemporaryFileIsLeft() throws Exception {
    Path out = bigProject();
    assertTrue(killWhileWritingWithRetries(out, false), "never saw the temporary file in 3 tries: the output was"
        + " written too fast");
    assertArrayEquals(OLD, Files.readAllBytes(out), "the old output file was changed by a stopped writer");
    assertEquals(List.of(), temporaryFiles(), "the shutdown hook must remove the temporary file");
  }

  @Test
  void noColourWhenStderrIsAFile() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      context: 5\n");
    Path err = dir.resolve("stderr.txt");
    Process p = java(List.of("-f", "compose.yaml")).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, p.exitValue());
    String text = Files.readString(err);
    assertTrue(text.startsWith("compose.yaml:4:16: error: "), text);
    assertFalse(text.contains("\u001b["), "colour codes in a file: " + text);
  }

  /** A project whose HCL is about 48 MB: 16 services sharing one 3 MB dockerfile_inline through an alias. */
  private Path bigProject() throws Exception {
    StringBuilder y = new StringBuilder("x-big: &big |\n");
    String line = "  RUN echo " + "x".repeat(100) + "\n";
    for (int i = 0; i < 30_000; i++) {
      y.append(line);
    }
    y.append("services:\n");
    for (int i = 0; i < 16; i++) {
      y.append("  s").append(i).append(":\n    build:\n      context: .\n      dockerfile_inline: *big\n");
    }
    Files.writeString(dir.resolve("compose.yaml"), y);
    return dir.resolve("docker-bake.hcl");
  }

  /** Up to three tries, each over a fresh copy of the old file, in case a run outpaces the polling. */
  private boolean killWhileWritingWithRetries(Path out, boolean forcibly) throws Exception {
    for (int attempt = 0; attempt < 3; attempt++) {
      Files.write(out, OLD);
      if (killWhileWriting(out, forcibly)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Starts a conversion into {@code out}, waits until its temporary file appears and has grown, and
   * kills the process (SIGKILL when {@code forcibly}, else SIGTERM). False when the process ended
   * before its temporary file could be seen.
   */
  private boolean killWhileWriting(Path out, boolean forcibly) throws Exception {
    Process p = java(List.of("-f", "compose.yaml", "-o", out.getFileName().toString()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (p.isAlive() && System.nanoTime() < deadline) {
        for (Path t : temporaryFiles()) {
          if (Files.size(t) > 0) {
            if (forcibly) {
              p.destroyForcibly();
            } else {
              p.destroy();
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return true;
          }
        }
        Thread.sleep(1);
      }
      return false;
    } finally {
      p.destroyForcibly();
    }
  }

  private ProcessBuilder java(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path") + File.pathSeparator + Path.of("target", "classes").toAbsolutePath());
    cmd.add("dev.compose2bake.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("NO_COLOR");
    pb.environment().put("HOME", "/home/user");
    return pb;
  }

  private List<Path> temporaryFiles() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.getFileName().toString().matches("\\.docker-bake\\.hcl\\..*\\.tmp")).sorted().toList();
    }
  }
}
