package dev.compose2bake.lower;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Splits one CSV record into fields the way {@code github.com/tonistiigi/go-csvvalue} does (the
 * parser buildx uses for {@code key=value,...} flag values): comma separated, double-quoted fields
 * with {@code ""} as an escaped quote, no lazy quotes, leading spaces kept, one trailing
 * {@code \n} or {@code \r\n} ignored. A line break inside the value is ordinary field content.
 *
 * <p>Errors carry Go's text: {@code EOF} for an empty value, {@code parse error on line 1, column
 * N: bare " in non-quoted-field} and {@code ... extraneous or missing " in quoted-field}, where N
 * counts UTF-8 bytes from 1.
 */
public final class Csv {
  private Csv() {}

  private static final String BARE_QUOTE = "bare \" in non-quoted-field";
  private static final String QUOTE = "extraneous or missing \" in quoted-field";

  /** Parses each value of a bake list with {@code parse}, skipping empty strings, as bake does. */
  public static <T> List<T> parseEach(List<String> values, Function<String, T> parse) {
    List<T> out = new ArrayList<>();
    for (String v : values) {
      if (!v.isEmpty()) {
        out.add(parse.apply(v));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The fields of the single record {@code line}. */
  public static List<String> fields(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int end = b.length;
    if (end > 0 && b[end - 1] == '\n') {
      end--;
      if (end > 0 && b[end - 1] == '\r') {
        end--;
      }
    }
    if (end == 0) {
      throw new LowerException("EOF", "the value is empty");
    }
    List<String> out = new ArrayList<>();
    int pos = 0;
    fields:
    while (true) {
      if (pos >= end || b[pos] != '"') {
        int comma = indexOf(b, pos, end, (byte) ',');
        int fieldEnd = comma >= 0 ? comma : end;
        int quote = indexOf(b, pos, fieldEnd, (byte) '"');
        if (quote >= 0) {
          throw parseError(quote, BARE_QUOTE,
              "a field that contains a quote must be quoted as a whole, with the quote doubled: \"a\"\"b\"");
        }
        out.add(new String(b, pos, fieldEnd - pos, StandardCharsets.UTF_8));
        if (comma >= 0) {
          pos = comma + 1;
          continue;
        }
        break;
      }
      // Quoted field.
      pos++;
      ByteArrayOutputStream field = new ByteArrayOutputStream();
      while (true) {
        int quote = indexOf(b, pos, end, (byte) '"');
        if (quote < 0) {
          throw parseError(pos, QUOTE, "close the quoted field with \"");
        }
        field.write(b, pos, quote - pos);
        pos = quote + 1;
        if (pos < end && b[pos] == '"') {
          field.write('"');
          pos++;
        } else if (pos < end && b[pos] == ',') {
          out.add(field.toString(StandardCharsets.UTF_8));
          pos++;
          continue fields;
        } else if (pos >= end) {
          out.add(field.toString(StandardCharsets.UTF_8));
          break fields;
        } else {
          throw parseError(pos - 1, QUOTE,
              "a quoted field must end right after its closing quote; double a quote inside it");
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static LowerException parseError(int bytePos, String what, String hint) {
    return new LowerException("parse error on line 1, column " + (bytePos + 1) + ": " + what, hint);
  }
}
