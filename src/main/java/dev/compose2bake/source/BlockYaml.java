package dev.compose2bake.source;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.ScalarStyle;

/**
 * A reader for the plain block YAML most Compose files are written in: printable ASCII, one
 * document, block mappings and sequences, plain and single-line quoted scalars, comments,
 * anchors, aliases and merge keys. It gives the events snakeyaml would give, with the same
 * positions, and gives up (returns false) at the first thing outside that subset, so that
 * snakeyaml reads the file instead and reports any error. Why it exists: a short run spends most
 * of its time in the interpreter, and snakeyaml's scanner makes several calls per character
 * (about 6 ms of a 12-service file); this one reads bytes from an array. {@code BlockYamlTest}
 * checks on every YAML file of the test corpora, on mutations of them and on generated documents
 * that whatever it accepts reads exactly as snakeyaml reads it.
 *
 * <p>It gives up on: tabs, carriage returns, non-ASCII or control characters; tags, directives,
 * document markers; flow collections; block scalars ({@code |}, {@code >}); multi-line plain or
 * quoted scalars; escapes in double-quoted scalars; explicit keys; a quoted key not followed by a
 * colon and a space; anchors other than letters, digits, {@code -} and {@code _}; a sequence entry
 * that is itself a sequence or an anchored mapping; nesting deeper than 100 levels; and any error,
 * including those of the builder it feeds (which applies the same rules to both readers).
 */
final class BlockYaml {

  /** What a reader produces, in document order: the parse events, already positioned. */
  interface Sink {
    void documentStart();

    void scalar(String text, ScalarStyle style, Optional<String> tag, Position p, String anchor);

    void alias(String name, Position p);

    void start(boolean mapping, Position p, String tag, String anchor);

    void end();
  }

  /** Thrown (without a stack trace) to give up; never leaves this class. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();
  private static final int MAX_DEPTH = 100;
  /** snakeyaml's limit on the length of an implicit key. */
  private static final int MAX_KEY = 1024;

  private final SourceFile file;
  private final byte[] b;
  private final Sink sink;
  private int depth;

  // The current content line: its start, indentation and 0-based number; eof when there is none.
  private int lineStart;
  private int indent;
  private int line;
  private boolean eof;

  private BlockYaml(SourceFile file, byte[] b, Sink sink) {
    this.file = file;
    this.b = b;
    this.sink = sink;
  }

  /**
   * Feeds the events of {@code file} to {@code sink} and returns true, or returns false as soon as
   * the file goes beyond the subset; the sink has then seen part of the events and must be dropped.
   */
  static boolean read(SourceFile file, Sink sink) {
    String text = file.text();
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != text.length()) {
      return false;
    }
    for (int i = 0; i < b.length; i++) {
      byte c = b[i];
      // a byte above 0x7f is negative; a character above U+00FF is a '?' in the copy
      if (c < 0x20 && c != '\n' || c == 0x7f || c == '?' && text.charAt(i) != '?') {
        return false;
      }
    }
    BlockYaml r = new BlockYaml(file, b, sink);
    try {
      r.document();
      return true;
    } catch (GiveUp e) {
      return false;
    }
  }

  private void document() {
    skipToContent(0, 0);
    if (eof) {
      return; // only comments and blank lines: no document, as for snakeyaml
    }
    sink.documentStart();
    block(indent, lineStart + indent, null, null);
    if (!eof) {
      throw GIVE_UP; // a line less indented than the top-level collection
    }
  }

  // --- lines ---

  /**
   * Moves to the first line at or after {@code pos} (line number {@code n}) that has content; gives
   * up at a document marker ({@code ---} or {@code ...} at the start of a line), wherever it is.
   */
  private void skipToContent(int pos, int n) {
    while (pos < b.length) {
      int i = pos;
      while (i < b.length && b[i] == ' ') {
        i++;
      }
      if (i < b.length && b[i] != '\n' && b[i] != '#') {
        if (i == pos && (startsWith(i, "---") || startsWith(i, "..."))) {
          throw GIVE_UP;
        }
        lineStart = pos;
        indent = i - pos;
        line = n;
        eof = false;
        return;
      }
      while (i < b.length && b[i] != '\n') {
        i++;
      }
      pos = i + 1;
      n++;
    }
    eof = true;
    indent = -1;
  }

  /** Moves past the current line (whose remaining content has been read) to the next content line. */
  private void nextLine(int from) {
    int i = from;
    while (i < b.length && b[i] != '\n') {
      i++;
    }
    skipToContent(i + 1, line + 1);
  }

  /** The end of the line's content from {@code i}: spaces then end of line or a comment. */
  private boolean restIsEmpty(int i) {
    int j = i;
    while (j < b.length && b[j] == ' ') {
      j++;
    }
    return j >= b.length || b[j] == '\n' || (b[j] == '#' && j > i);
  }

  private int skipSpaces(int i) {
    while (i < b.length && b[i] == ' ') {
      i++;
    }
    return i;
  }

  private boolean endOfLine(int i) {
    return i >= b.length || b[i] == '\n';
  }

  /** Whether {@code i} is past the end or holds a space or a line break. */
  private boolean spaceOrEnd(int i) {
    return i >= b.length || b[i] == ' ' || b[i] == '\n';
  }

  private boolean isDash(int i) {
    return b[i] == '-' && spaceOrEnd(i + 1);
  }

  private boolean startsWith(int i, String s) {
    if (i + s.length() > b.length) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (b[i + k] != s.charAt(k)) {
        return false;
      }
    }
    return spaceOrEnd(i + s.length());
  }

  private Position at(int i) {
    return new Position(file, line + 1, i - lineStart + 1);
  }

  private String text(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  // --- collections ---

  /** A block collection whose first entry starts at {@code i} (column {@code col}) on the current line. */
  private void block(int col, int i, Position p, String anchor) {
    if (isDash(i)) {
      sequence(col, p, anchor);
    } else {
      mapping(col, i, p, anchor);
    }
  }

  /** A block sequence whose dashes are at column {@code col}, from the current line on. */
  private void sequence(int col, Position p, String anchor) {
    enter();
    sink.start(false, p != null ? p : at(lineStart + col), null, anchor);
    while (true) {
      int dash = lineStart + col;
      int v = skipSpaces(dash + 1);
      if (endOfLine(v) || b[v] == '#') {
        blockOrEmpty(v, col, false, at(dash + 1), null);
      } else if (isDash(v)) {
        throw GIVE_UP; // - - nested sequence on one line
      } else {
        value(v, col, true);
      }
      if (indent > col) {
        throw GIVE_UP;
      }
      if (eof || indent < col || !isDash(lineStart + col)) {
        // at the same column, the caller decides: the next key of a mapping (an indentless sequence) or an error
        break;
      }
    }
    sink.end();
    depth--;
  }

  /** A block mapping at column {@code col} whose first key is at {@code i} on the current line. */
  private void mapping(int col, int i, Position p, String anchor) {
    enter();
    sink.start(true, p != null ? p : at(i), null, anchor);
    int k = i;
    while (true) {
      int v = key(k);
      if (endOfLine(v) || b[v] == '#') {
        blockOrEmpty(v, col, true, at(colonEnd), null);
      } else {
        value(v, col, false);
      }
      if (eof || indent < col) {
        break;
      }
      if (indent > col || isDash(lineStart + col)) {
        throw GIVE_UP;
      }
      k = lineStart + col;
    }
    sink.end();
    depth--;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
  }

  /**
   * The value of an entry with nothing after its indicator on this line (which goes on from
   * {@code from}): a block on the next lines, indented more than the entry's column {@code col}, or
   * where {@code indentless} allows, a sequence at that column; otherwise an empty scalar, which
   * snakeyaml places at {@code at}. An anchor's position is also where the value it names starts.
   */
  private void blockOrEmpty(int from, int col, boolean indentless, Position at, String anchor) {
    Position p = anchor == null ? null : at;
    nextLine(from);
    if (!eof && indent > col) {
      block(indent, lineStart + indent, p, anchor);
    } else if (indentless && !eof && indent == col && isDash(lineStart + col)) {
      sequence(col, p, anchor);
    } else {
      sink.scalar("", ScalarStyle.PLAIN, Optional.empty(), at, anchor);
    }
  }

  /** Set by {@link #key}: the index just after the key's colon. */
  private int colonEnd;

  /**
   * Reads the key at {@code k} and its colon, gives it to the sink, and returns the index of the
   * value (after the spaces that follow the colon).
   */
  private int key(int k) {
    byte c = b[k];
    int end;
    if (c == '"' || c == '\'') {
      int close = closingQuote(k);
      if (close + 1 >= b.length || b[close + 1] != ':' || !spaceOrEnd(close + 2)) {
        throw GIVE_UP;
      }
      end = close + 1;
      if (close - k > MAX_KEY) {
        throw GIVE_UP;
      }
      sink.scalar(quoted(k, close), c == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED,
          Optional.empty(), at(k), null);
    } else {
      if (!plainStart(k)) {
        throw GIVE_UP;
      }
      end = k;
      while (true) {
        if (endOfLine(end)) {
          throw GIVE_UP; // no colon: a scalar where a key was due
        }
        if (b[end] == ':' && spaceOrEnd(end + 1)) {
          break;
        }
        if (b[end] == '#' && b[end - 1] == ' ') {
          throw GIVE_UP;
        }
        end++;
      }
      if (b[end - 1] == ' ' || end - k > MAX_KEY) {
        throw GIVE_UP;
      }
      sink.scalar(text(k, end), ScalarStyle.PLAIN, Optional.empty(), at(k), null);
    }
    colonEnd = end + 1;
    return skipSpaces(end + 1);
  }

  /**
   * The value at {@code v} on the current line, of a mapping entry or a sequence entry whose
   * column is {@code col}; leaves the reader on the next content line.
   */
  private void value(int v, int col, boolean inSequence) {
    String anchor = null;
    Position anchorAt = null;
    if (b[v] == '&') {
      int e = nameEnd(v + 1);
      anchor = text(v + 1, e);
      anchorAt = at(v);
      v = skipSpaces(e);
      if (endOfLine(v) || b[v] == '#') {
        blockOrEmpty(v, col, !inSequence, anchorAt, anchor);
        return;
      }
      if (b[v] == '&' || b[v] == '*') {
        throw GIVE_UP;
      }
    }
    byte c = b[v];
    if (c == '*') {
      if (anchor != null) {
        throw GIVE_UP;
      }
      int e = nameEnd(v + 1);
      if (!restIsEmpty(e)) {
        throw GIVE_UP;
      }
      sink.alias(text(v + 1, e), at(v));
      nextLine(e);
    } else if (c == '"' || c == '\'') {
      int close = closingQuote(v);
      if (!restIsEmpty(close + 1)) {
        // a quoted key of a mapping in a sequence entry, or anything else after the quote
        if (inSequence && anchor == null && close + 1 < b.length && b[close + 1] == ':') {
          compactMapping(v);
          return;
        }
        throw GIVE_UP;
      }
      sink.scalar(quoted(v, close), c == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED,
          Optional.empty(), anchorAt != null ? anchorAt : at(v), anchor);
      nextLine(close + 1);
    } else {
      if (!plainStart(v)) {
        throw GIVE_UP;
      }
      int e = v;
      int last = v; // one past the last non-space character
      while (e < b.length && b[e] != '\n') {
        byte x = b[e];
        if (x == '#' && b[e - 1] == ' ') {
          break;
        }
        if (x == ':' && spaceOrEnd(e + 1)) {
          if (inSequence && anchor == null) {
            compactMapping(v);
            return;
          }
          throw GIVE_UP; // "a: b: c", which YAML refuses
        }
        if (x != ' ') {
          last = e + 1;
        }
        e++;
      }
      sink.scalar(text(v, last), ScalarStyle.PLAIN, Optional.empty(), anchorAt != null ? anchorAt : at(v), anchor);
      nextLine(e);
    }
    // a more indented line after a scalar would continue it (or be an error): snakeyaml decides
    if (!eof && indent > col) {
      throw GIVE_UP;
    }
  }

  /** A mapping that starts on a sequence entry's line ({@code - key: value}), at column of {@code k}. */
  private void compactMapping(int k) {
    mapping(k - lineStart, k, null, null);
  }

  /** Whether a plain scalar may start at {@code i}: not an indicator, or {@code -?:} before a non-space. */
  private boolean plainStart(int i) {
    byte c = b[i];
    switch (c) {
      case '-', '?', ':' -> {
        return !spaceOrEnd(i + 1);
      }
      case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ' -> {
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  /**
   * The end of an anchor or alias name that starts at {@code i}: letters, digits, {@code -} and
   * {@code _}, then a space or the end of the line; gives up on anything else.
   */
  private int nameEnd(int i) {
    int e = i;
    while (e < b.length && (Ascii.isAlnum((char) b[e]) || b[e] == '-' || b[e] == '_')) {
      e++;
    }
    if (e == i || !spaceOrEnd(e)) {
      throw GIVE_UP;
    }
    return e;
  }

  /** The index of the quote that closes the quoted scalar at {@code q}, on the same line. */
  private int closingQuote(int q) {
    byte quote = b[q];
    int i = q + 1;
    while (i < b.length && b[i] != '\n') {
      byte c = b[i];
      if (quote == '"' && c == '\\') {
        throw GIVE_UP;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < b.length && b[i + 1] == '\'') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    throw GIVE_UP; // a quoted scalar that goes on to the next line is folded: snakeyaml reads it
  }

  private String quoted(int q, int close) {
    String s = text(q + 1, close);
    return b[q] == '\'' && s.indexOf('\'') >= 0 ? s.replace("''", "'") : s;
  }
}
