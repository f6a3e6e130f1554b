package dev.compose2bake.lower;

import dev.compose2bake.source.Ascii;

/** buildx's target naming: a service name with every '.' replaced by '_' (bake forbids dots). */
public final class TargetNames {
  private TargetNames() {}

  public static String sanitize(String serviceName) {
    return serviceName.replace('.', '_');
  }

  public static boolean isValid(String targetName) {
    return Ascii.only(targetName, "_-");
  }
}
