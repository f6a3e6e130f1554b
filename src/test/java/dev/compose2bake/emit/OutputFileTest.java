package dev.compose2bake.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic output: a failure part-way leaves the old file and no temporary file; orphans are cleaned. */
class OutputFileTest {
  private static final byte[] OLD = "# old\ntarget \"old\" {}\n".getBytes(StandardCharsets.UTF_8);
  private static final String NEW = "target \"new\" {}\n".repeat(10_000);

  @TempDir
  Path dir;

  /** Writes the first half of the bytes, then fails as a full disk would. */
  private static final OutputFile.Sink HALF_THEN_FAIL = (ch, buf) -> {
    ByteBuffer half = buf.duplicate();
    half.limit(buf.limit() / 2);
    while (half.hasRemaining()) {
      ch.write(half);
    }
    throw new IOException("No space left on device");
  };

  @Test
  void aFailureAfterPartOfTheOutputLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("docker-bake.hcl");
    Files.write(target, OLD);
    IOException e = assertThrows(IOException.class, () -> OutputFile.write(target, NEW, HALF_THEN_FAIL));
    assertEquals("No space left on device", e.getMessage());
    assertArrayEquals(OLD, Files.readAllBytes(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aFailureWithoutAnOldFileLeavesNoFileAtAll() throws Exception {
    Path target = dir.resolve("docker-bake.json");
    assertThrows(IOException.class, () -> OutputFile.write(target, NEW, HALF_THEN_FAIL));
    assertEquals(List.of(), files());
  }

  @Test
  void aSuccessfulWriteReplacesTheFileWholeAndKeepsItsPermissions() throws Exception {
    Path target = dir.resolve("docker-bake.hcl");
    Files.write(target, OLD);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
    OutputFile.write(target, NEW);
    assertEquals(NEW, Files.readString(target));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertEquals(List.of(target), files());
  }

  @Test
  void aNewFileIsReadableByAllLikeAnOrdinaryWrite() throws Exception {
    Path target = dir.resolve("docker-bake.hcl");
    OutputFile.write(target, NEW);
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
  }

  @Test
  void temporaryFilesOfDeadWritersAreRemovedThoseOfLiveOnesKept() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long dead = p.pid();
    long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
    Path orphan = dir.resolve(".docker-bake.hcl." + dead + ".4711.tmp");
    Path busy = dir.resolve(".docker-bake.hcl." + live + ".4712.tmp");
    Path other = dir.resolve(".other.hcl." + dead + ".4713.tmp");
    for (Path f : List.of(orphan, busy, other)) {
      Files.writeString(f, "partial");
    }
    OutputFile.write(dir.resolve("docker-bake.hcl"), NEW);
    assertFalse(Files.exists(orphan), "the orphan of a dead writer must go");
    assertTrue(Files.exists(busy), "a running writer's temporary file must stay");
    assertTrue(Files.exists(other), "another target's temporary files are not touched");
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}
