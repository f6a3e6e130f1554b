package dev.compose2bake.lower;

/** A value buildx would refuse (a cache entry without a type, an unknown ulimit, ...). */
public final class FlagException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public FlagException(String message) {
    this(message, null);
  }

  public FlagException(String message, String hint) {
    super(message, null, false, false);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
