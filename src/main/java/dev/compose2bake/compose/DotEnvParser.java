package dev.compose2bake.compose;

import dev.compose2bake.interp.Lookup;
import dev.compose2bake.interp.Template;
import dev.compose2bake.interp.InterpolationException;

import java.util.LinkedHashMap;
import java.util.function.Consumer;

/** The statement-by-statement reader behind {@link DotEnv}; it follows compose-go's {@code dotenv/parser.go}. */
final class DotEnvParser {

  private final String text;
  private final String fileName;
  private final Lookup lookup;
  private final Consumer<String> warnings;
  private final LinkedHashMap<String, String> out = new LinkedHashMap<>();
  private final LinkedHashMap<String, Template> templates = new LinkedHashMap<>();
  private Template lastTemplate;
  private int pos;

  DotEnvParser(String text, String fileName, Lookup lookup, Consumer<String> warnings) {
    this.text = text;
    this.fileName = fileName;
    this.lookup = lookup;
    this.warnings = warnings;
  }

  /** The values that were written with variables, as templates (after {@link #parse()}). */
  LinkedHashMap<String, Template> templates() {
    return templates;
  }

  LinkedHashMap<String, String> parse() {
    pos = text.startsWith("\uFEFF") ? 1 : 0;
    while (skipBlanksAndComments()) {
      statement();
    }
    return out;
  }

  /** Moves to the next statement; false at the end of the text. */
  private boolean skipBlanksAndComments() {
    while (true) {
      while (pos < text.length() && isGoSpace(text.codePointAt(pos))) {
        pos += Character.charCount(text.codePointAt(pos));
      }
      if (pos >= text.length()) {
        return false;
      }
      if (text.charAt(pos) != '#') {
        return true;
      }
      int newline = text.indexOf('\n', pos);
      pos = newline < 0 ? text.length() : newline;
    }
  }

  /** Reads one {@code KEY=value}, {@code KEY: value} or {@code KEY} statement. */
  private void statement() {
    int start = pos;
    // compose-go strips a prefix matching the regex `^export\s+`.
    if (text.startsWith("export", pos) && pos + 6 < text.length() && isRegexSpace(text.charAt(pos + 6))) {
      pos += 6;
      skipSpaces();
    }
    int keyStart = pos;
    if (keyStart == text.length()) {
      // compose-go: "zero length string"
      throw error(start, "\"export\" without a variable name", null);
    }
    int end = keyEnd(start);
    String key = end < 0 ? "" : trimRight(text.substring(keyStart, end));
    if (key.indexOf(' ') >= 0) {
      throw error(start, "key cannot contain a space: " + InterpolationException.quote(key), null);
    }
    // Without '=', ':' or a newline up to the end of the text, compose-go reads it all as the empty key's value.
    pos = end < 0 ? keyStart : end + 1;
    skipSpaces();
    if (end >= 0 && text.charAt(end) == '\n') {
      String inherited = lookup.get(key);
      if (inherited != null) {
        out.put(key, inherited);
      }
      return;
    }
    lastTemplate = null;
    out.put(key, value(start));
    if (lastTemplate != null && !lastTemplate.isLiteral()) {
      templates.put(key, lastTemplate);
    } else {
      templates.remove(key);
    }
  }

  /** The index of the '=', ':' or newline ending the key, or -1 if the text ends first. */
  private int keyEnd(int start) {
    for (int i = pos; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '=' || c == ':' || c == '\n') {
        return i;
      }
      if (!isSpace(c) && !isKeyChar(c)) {
        int lineEnd = text.indexOf('\n', pos);
        String line = text.substring(pos, lineEnd < 0 ? text.length() : lineEnd);
        throw error(start, "unexpected character " + InterpolationException.quote(Character.toString(c))
            + " in variable name " + InterpolationException.quote(line), null);
      }
      i += Character.charCount(c);
    }
    return -1;
  }

  private String value(int start) {
    char first = pos < text.length() ? text.charAt(pos) : 0;
    if (first == '"' || first == '\'') {
      String raw = quoted(start, first);
      return first == '"' ? expand(GoEscapes.unescape(raw), start) : raw;
    }
    int newline = text.indexOf('\n', pos);
    String raw = text.substring(pos, newline < 0 ? text.length() : newline);
    pos = newline < 0 ? text.length() : newline + 1;
    int comment = raw.indexOf(" #");
    return expand(trimRight(comment < 0 ? raw : raw.substring(0, comment)), start);
  }

  /**
   * Reads the quoted value at {@code pos} up to the first unescaped {@code quote}. A backslash before the quote
   * character is dropped; before any other character it is kept (for later unescaping in double quotes).
   */
  private String quoted(int start, char quote) {
    StringBuilder value = new StringBuilder();
    boolean escaped = false;
    for (int i = pos + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escaped) {
        escaped = false;
        if (c != quote) {
          value.append('\\');
        }
        value.append(c);
      } else if (c == '\\') {
        escaped = true;
      } else if (c == quote) {
        pos = i + 1;
        return value.toString();
      } else {
        value.append(c);
      }
    }
    int lineEnd = text.indexOf('\n', pos);
    throw error(start, "unterminated quoted value " + text.substring(pos, lineEnd < 0 ? text.length() : lineEnd),
        null);
  }

  /** Interpolates a value: variables from the lookup first, then those defined above in this file. */
  private String expand(String value, int start) {
    try {
      lastTemplate = Template.parse(value);
      return lastTemplate.evaluate(lookup.orElse(out::get), warnings);
    } catch (InterpolationException e) {
      throw error(start, e.getMessage(), e);
    }
  }

  private void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private DotEnvException error(int at, String problem, Throwable cause) {
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    return new DotEnvException(fileName, line, problem, cause);
  }

  /** Removes trailing white space in the sense of Go's unicode.IsSpace. */
  private static String trimRight(String s) {
    int end = s.length();
    while (end > 0) {
      int c = s.codePointBefore(end);
      if (!isGoSpace(c)) {
        break;
      }
      end -= Character.charCount(c);
    }
    return s.substring(0, end);
  }

  /** compose-go's isSpace: white space other than a line break. */
  private static boolean isSpace(int c) {
    return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
  }

  /** Go's unicode.IsSpace (the Unicode White_Space property). */
  private static boolean isGoSpace(int c) {
    return isSpace(c) || c == '\n' || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
        || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
  }

  /** {@code \s} of Go's regexp syntax. */
  private static boolean isRegexSpace(char c) {
    return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
  }

  /** compose-go accepts {@code _ . - [ ]} and any Unicode letter or number in a key. */
  private static boolean isKeyChar(int c) {
    if (c == '_' || c == '.' || c == '-' || c == '[' || c == ']' || Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
