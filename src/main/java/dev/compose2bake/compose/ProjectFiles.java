package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.SourceFile;
import dev.compose2bake.source.YamlLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads input files as UTF-8 text, with a clear error for unreadable or non-UTF-8 files. */
public final class ProjectFiles {
  private ProjectFiles() {}

  /** The name a file is shown under: relative to the working directory when inside it. */
  public static String displayName(Path cwd, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    if (abs.startsWith(cwd)) {
      String rel = cwd.relativize(abs).toString();
      return rel.isEmpty() ? "." : rel;
    }
    return abs.toString();
  }

  /** Reads a file; {@code position} is where the file was named (null for the command line). */
  public static SourceFile read(Path cwd, Path file, Position position, long maxBytes) {
    Path abs = file.toAbsolutePath().normalize();
    String name = displayName(cwd, abs);
    if (position == null) {
      // named on the command line: the error still starts with the file's name
      position = Position.ofFile(new SourceFile(name, abs, ""));
    }
    byte[] bytes;
    try {
      if (Files.isDirectory(abs)) {
        throw new CompileException(Diagnostic.error(position, name + " is a directory, not a file",
            "name the Compose file inside it, e.g. " + name + "/compose.yaml"), true);
      }
      long size = Files.size(abs);
      if (size > maxBytes) {
        throw new CompileException(Diagnostic.error(position, name + " has " + size
            + " bytes, more than the limit of " + maxBytes + " bytes",
            "a Compose file is rarely that large; check that this is the right file; "
                + YamlLimits.raise(YamlLimits.BYTES, maxBytes)), false);
      }
      bytes = Files.readAllBytes(abs);
    } catch (NoSuchFileException e) {
      throw new CompileException(Diagnostic.error(position, "cannot read " + name + ": no such file",
          "check the path; relative paths are resolved against " + (!position.hasLine() ? "the working directory"
              : "the folder of the file that names it")), true);
    } catch (IOException e) {
      throw new CompileException(Diagnostic.error(position, "cannot read " + name + ": " + e.getMessage(), null), true);
    }
    return new SourceFile(name, abs, decode(name, abs, bytes));
  }

  /** Decodes UTF-8, dropping a byte-order mark; invalid UTF-8 is an error that names the line. */
  public static String decode(String name, Path path, byte[] bytes) {
    String utf = otherEncoding(bytes);
    if (utf != null) {
      throw new CompileException(Diagnostic.error(Position.ofFile(new SourceFile(name, path, "")),
          "the file is encoded as " + utf + " (it starts with its byte-order mark), not UTF-8",
          "save the file as UTF-8 (without a byte-order mark)"), false);
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    // The String constructor replaces each malformed sequence with U+FFFD: without one in the
    // result the bytes were valid, and the strict decoder below (several times slower at start-up)
    // is needed only to tell a real U+FFFD from a malformed byte and to find the byte.
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes, start);
      int line = 1;
      int col = 1;
      for (int i = start; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          col = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
          col++;
        }
      }
      SourceFile partial = new SourceFile(name, path, new String(bytes, start, bytes.length - start,
          StandardCharsets.UTF_8));
      throw new CompileException(Diagnostic.error(new Position(partial, line, col),
          String.format("the file is not valid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xff, bad),
          "save the file as UTF-8"), false);
    }
  }

  /** The name of a UTF-16 or UTF-32 encoding whose byte-order mark starts the bytes, else null. */
  private static String otherEncoding(byte[] b) {
    int n = b.length;
    if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
      return "UTF-32 big-endian";
    }
    if (n >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32 little-endian";
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return "UTF-16 big-endian";
    }
    if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return "UTF-16 little-endian";
    }
    return null;
  }

  private static int firstInvalid(byte[] b, int start) {
    int i = start;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
      if (n < 0) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      if (n == 2) {
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F)) {
          return i;
        }
      } else if (n == 3) {
        int c1 = b[i + 1] & 0xff;
        if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F)) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(start, b.length - 1);
  }
}
