package dev.compose2bake.lower;

import java.util.regex.Pattern;

/** buildx's target naming: a service name with every '.' replaced by '_' (bake forbids dots). */
public final class TargetNames {
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_-]+");

  private TargetNames() {}

  public static String sanitize(String serviceName) {
    return serviceName.replace('.', '_');
  }

  public static boolean isValid(String targetName) {
    return VALID.matcher(targetName).matches();
  }
}
