package dev.compose2bake.interp;

/** Placeholder until the interpolation component lands. */
public final class InterpolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InterpolationException(String message) {
    super(message);
  }

  public String hint() {
    return null;
  }
}
