package dev.compose2bake.model;

import java.util.List;

/**
 * A bake {@code variable} block that a kept Compose variable needs. The environment overrides it
 * when bake runs. Its default is {@code defaultValue} when set (a value from the project's env
 * files, which may itself use other variables), else null when the variable's uses must tell unset from empty, else "". {@code comment}
 * says where the default came from; each validation is a required-variable check of Compose.
 */
public record BakeVariable(String name, Str defaultValue, boolean nullDefault, String comment,
    List<Validation> validations) {

  public BakeVariable {
    validations = List.copyOf(validations);
  }

  /** A check that fails the bake run with the message when the condition (an HCL expression) is false. */
  public record Validation(String condition, String message) {}
}
