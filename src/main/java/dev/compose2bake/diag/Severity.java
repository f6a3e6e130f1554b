package dev.compose2bake.diag;

/** How serious a diagnostic is: errors stop the run after their stage, warnings do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
