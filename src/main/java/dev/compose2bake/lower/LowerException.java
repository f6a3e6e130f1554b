package dev.compose2bake.lower;

/**
 * A value that {@code docker buildx bake} 0.29.1 would refuse.
 *
 * <p>{@link #buildxMessage()} is the text buildx prints for the same input (without the
 * {@code ERROR: } and {@code failed to parse compose file: } prefixes), so callers can compare it
 * with recorded output. {@link #getMessage()} adds a short hint on how to fix the value where one
 * is obvious.
 */
public final class LowerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String buildxMessage;
  private final String hint;

  /** Creates an error with buildx's message and an optional hint (may be null). */
  public LowerException(String buildxMessage, String hint) {
    super(compose(buildxMessage, hint));
    this.buildxMessage = buildxMessage;
    this.hint = hint;
  }

  /** Creates an error without a hint. */
  public LowerException(String buildxMessage) {
    this(buildxMessage, null);
  }

  private static String compose(String message, String hint) {
    return hint == null || hint.isEmpty() ? message : message + " (hint: " + hint + ")";
  }

  /** The message buildx prints for this input. */
  public String buildxMessage() {
    return buildxMessage;
  }

  /** How to fix the value, or null. */
  public String hint() {
    return hint;
  }

  /**
   * Returns an error whose buildx message is {@code prefix + ": " + message}, the way Go's
   * {@code errors.Wrap} prefixes a cause. A non-null {@code newHint} replaces the hint.
   */
  public LowerException wrap(String prefix, String newHint) {
    LowerException wrapped =
        new LowerException(prefix + ": " + buildxMessage, newHint != null ? newHint : hint);
    wrapped.initCause(this);
    return wrapped;
  }
}
