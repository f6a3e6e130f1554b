package dev.compose2bake.interp;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Compose interpolation syntax the way compose-go v2 ({@code template/template.go}) matches it. compose-go
 * scans with the regex {@code \$(?i:(\$)|([_a-z][_a-z0-9]*)|{(?:([_a-z][_a-z0-9]*(?::?[-+?](.*))?)}|()))} and then
 * cuts each operator match at the brace that closes its first '{'; this parser reproduces that by hand.
 */
final class TemplateParser {

  /**
   * How deeply ${...} may nest inside defaults and messages. An explicit bound rather than a caught
   * StackOverflowError, whose depth depends on the thread's stack and which later recursive passes
   * over the same template would not catch.
   */
  static final int MAX_NESTING = 1000;

  private final String text;
  private int depth;

  private TemplateParser(String text) {
    this.text = text;
  }

  static Template parse(String text) {
    return new TemplateParser(text).parseRegion(0, text.length());
  }

  /** Parses {@code text[from, to)} as a stand-alone template (an argument is interpolated on its own). */
  private Template parseRegion(int from, int to) {
    String source = text.substring(from, to);
    if (source.indexOf('$') < 0) {
      return Template.literal(source);
    }
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = from;
    while (i < to) {
      int dollar = source.indexOf('$', i - from);
      if (dollar < 0) {
        literal.append(text, i, to);
        break;
      }
      dollar += from;
      literal.append(text, i, dollar);
      char next = dollar + 1 < to ? text.charAt(dollar + 1) : 0;
      if (next == '$') {
        literal.append('$');
        i = dollar + 2;
      } else if (next == '{') {
        flush(literal, parts);
        i = parseBraced(dollar, to, parts);
      } else if (isNameStart(next)) {
        int end = nameEnd(dollar + 1, to);
        flush(literal, parts);
        parts.add(new Part.Variable(text.substring(dollar + 1, end), false));
        i = end;
      } else {
        // A '$' followed by anything else (or by nothing) does not match the pattern and stays literal.
        literal.append('$');
        i = dollar + 1;
      }
    }
    flush(literal, parts);
    return new Template(source, parts);
  }

  /** Parses the {@code ${...}} starting at {@code dollar}, adds its part and returns the index after it. */
  private int parseBraced(int dollar, int to, List<Part> parts) {
    int nameStart = dollar + 2;
    if (nameStart >= to || !isNameStart(text.charAt(nameStart))) {
      throw InterpolationException.invalidFormat(text, dollar);
    }
    int nameEnd = nameEnd(nameStart, to);
    String name = text.substring(nameStart, nameEnd);
    if (nameEnd < to && text.charAt(nameEnd) == '}') {
      parts.add(new Part.Variable(name, true));
      return nameEnd + 1;
    }
    int opLength = operatorLength(nameEnd, to);
    if (opLength == 0) {
      throw InterpolationException.invalidFormat(text, dollar);
    }
    int argStart = nameEnd + opLength;
    int close = closingBrace(dollar, argStart, to);
    if (close < 0) {
      throw InterpolationException.invalidFormat(text, dollar);
    }
    Part.Op op = Part.Op.fromToken(text.substring(nameEnd, argStart));
    // compose-go substitutes the argument eagerly, so an invalid argument is an error whatever the variables.
    if (++depth > MAX_NESTING) {
      throw InterpolationException.tooDeep(text);
    }
    parts.add(new Part.Operation(name, op, parseRegion(argStart, close)));
    depth--;
    return close + 1;
  }

  /** The length of the operator ({@code :-}, {@code -}, {@code :?}, ...) at {@code at}, or 0 if there is none. */
  private int operatorLength(int at, int to) {
    if (at >= to) {
      return 0;
    }
    char c = text.charAt(at);
    if (isOperatorChar(c)) {
      return 1;
    }
    return c == ':' && at + 1 < to && isOperatorChar(text.charAt(at + 1)) ? 2 : 0;
  }

  /**
   * The index of the '}' that ends the operator substitution starting at {@code dollar}, or -1 if none.
   * compose-go's greedy {@code (.*)} first extends the match to the last '}' of the line ('.' excludes '\n');
   * getFirstBraceClosingIndex then cuts it at the '}' that brings the count of '{' back to zero, where each
   * '{' also skips the character after it. Without such a '}', the match keeps its greedy extent.
   */
  private int closingBrace(int dollar, int argStart, int to) {
    int lineEnd = text.indexOf('\n', argStart);
    if (lineEnd < 0 || lineEnd > to) {
      lineEnd = to;
    }
    int open = 0;
    for (int i = dollar; i < lineEnd; i++) {
      char c = text.charAt(i);
      if (c == '}') {
        if (--open == 0) {
          return i;
        }
      } else if (c == '{') {
        open++;
        i++;
      }
    }
    int last = text.lastIndexOf('}', lineEnd - 1);
    return last >= argStart ? last : -1;
  }

  private int nameEnd(int start, int to) {
    int i = start + 1;
    while (i < to && isNameChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void flush(StringBuilder literal, List<Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Part.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private static boolean isOperatorChar(char c) {
    return c == '-' || c == '+' || c == '?';
  }

  /**
   * {@code [_a-z]} under Go's case-insensitive matching, which also folds the long s (U+017F) onto 's' and the
   * Kelvin sign (U+212A) onto 'k'.
   */
  static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u017F' || c == '\u212A';
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
