package dev.compose2bake.emit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an output file atomically: the bytes go to a temporary file in the same folder
 * ({@code .NAME.PID.RANDOM.tmp}), are flushed to disk, and the temporary file is renamed over the
 * target. On any failure the target keeps its old bytes and the temporary file is removed; when the
 * process is stopped (Ctrl-C, SIGTERM) a shutdown hook removes it. A process killed outright
 * ({@code kill -9}) cannot clean up, so each write first removes the temporary files of the same
 * target whose writer (the PID in the name) no longer runs.
 */
public final class OutputFile {
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
  private static volatile boolean hookInstalled;

  private OutputFile() {}

  /** Writes the bytes of one buffer to the channel; tests substitute one that fails part-way. */
  interface Sink {
    void write(FileChannel channel, ByteBuffer bytes) throws IOException;
  }

  public static void write(Path target, String content) throws IOException {
    write(target, content, (ch, buf) -> {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    });
  }

  static void write(Path target, String content, Sink sink) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    String name = abs.getFileName().toString();
    removeOrphans(dir, name);
    installHook();
    long pid = ProcessHandle.current().pid();
    Path tmp = Files.createTempFile(dir, "." + name + "." + pid + ".", ".tmp");
    PENDING.add(tmp);
    try {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        sink.write(ch, ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      try {
        // The old file's permissions; a new file gets rw-r--r--, as an ordinary write would with the
        // usual umask, not the owner-only permissions of a temporary file.
        Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs)
            : PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException | IOException e) {
        // not a POSIX file system: keep the defaults
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } finally {
        PENDING.remove(tmp);
      }
    }
  }

  /**
   * Removes {@code .NAME.PID.*.tmp} files left by a writer that was killed: only those whose PID
   * names no running process (a reused PID keeps its file, which is harmless). Best effort.
   */
  static void removeOrphans(Path dir, String name) {
    Pattern p = Pattern.compile(Pattern.quote("." + name + ".") + "(\\d{1,19})\\.[^/]*\\.tmp");
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + name + ".*.tmp")) {
      for (Path f : files) {
        Matcher m = p.matcher(f.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(f)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // a folder we cannot list or clean is reported, if at all, by the write itself
    }
  }

  private static synchronized void installHook() {
    if (hookInstalled) {
      return;
    }
    try {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (Path p : PENDING) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            // nothing more can be done while the process exits
          }
        }
      }, "compose2bake-remove-temporary-output"));
    } catch (IllegalStateException e) {
      return; // already shutting down
    }
    hookInstalled = true;
  }
}
