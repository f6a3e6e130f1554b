package dev.compose2bake.interp;

/**
 * A template that cannot be interpolated: either its syntax is invalid (found by {@link Template#parse}), or a
 * required variable ({@code ${X:?msg}}, {@code ${X?msg}}) has no value (found by {@link Template#evaluate}).
 */
public final class InterpolationException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** The text is not valid Compose interpolation syntax. */
    INVALID_FORMAT,
    /** A required variable is unset (or empty, for {@code :?}). */
    MISSING_REQUIRED
  }

  private static final int MAX_SNIPPET = 80;

  private final Kind kind;
  private final String template;
  private final int offset;
  private final String variable;
  private final String reason;

  private InterpolationException(Kind kind, String message, String template, int offset, String variable,
      String reason) {
    // Bad input, not a bug: no stack trace is recorded.
    super(message, null, false, false);
    this.kind = kind;
    this.template = template;
    this.offset = offset;
    this.variable = variable;
    this.reason = reason;
  }

  static InterpolationException invalidFormat(String template, int offset) {
    String where = offset > 0 ? " (at character " + (offset + 1) + ")" : "";
    return new InterpolationException(Kind.INVALID_FORMAT,
        "invalid interpolation format: " + quote(snippet(template, offset)) + where
            + "; escape a literal $ as $$",
        template, offset, null, null);
  }

  static InterpolationException tooDeep(String template) {
    return new InterpolationException(Kind.INVALID_FORMAT,
        "interpolation nested more than " + TemplateParser.MAX_NESTING + " levels deep (the limit on nesting): "
            + quote(snippet(template, 0)), template, 0, null, null);
  }

  /** The whole text when short, else an excerpt from {@code offset}. */
  private static String snippet(String template, int offset) {
    if (template.length() <= MAX_SNIPPET) {
      return template;
    }
    int start = Math.max(0, Math.min(offset, template.length() - MAX_SNIPPET));
    return (start > 0 ? "..." : "") + template.substring(start, start + MAX_SNIPPET) + "...";
  }

  static InterpolationException missingRequired(String variable, String reason) {
    // The wording is compose-go's (template.MissingRequiredError).
    String message = "required variable " + variable + " is missing a value"
        + (reason.isEmpty() ? "" : ": " + reason);
    return new InterpolationException(Kind.MISSING_REQUIRED, message, null, -1, variable, reason);
  }

  /** How to fix it, for people. */
  public String hint() {
    if (kind == Kind.MISSING_REQUIRED) {
      return "set " + variable + " in the environment or in the project's .env file";
    }
    return "a literal $ is written $$; a variable is $NAME or ${NAME}, with an optional :-default";
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#INVALID_FORMAT}: the whole text given to {@link Template#parse}; else {@code null}. */
  public String template() {
    return template;
  }

  /** For {@link Kind#INVALID_FORMAT}: the index in {@link #template()} of the offending {@code $}; else -1. */
  public int offset() {
    return offset;
  }

  /** For {@link Kind#MISSING_REQUIRED}: the variable's name; else {@code null}. */
  public String variable() {
    return variable;
  }

  /** For {@link Kind#MISSING_REQUIRED}: the evaluated message after {@code ?}, possibly ""; else {@code null}. */
  public String reason() {
    return reason;
  }

  /** Quotes {@code s} in double quotes, escaping what would not print well. */
  public static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
