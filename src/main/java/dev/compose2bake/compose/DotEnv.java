package dev.compose2bake.compose;

import dev.compose2bake.interp.Lookup;
import java.util.LinkedHashMap;

/** Placeholder until the dotenv component lands. */
public final class DotEnv {
  private DotEnv() {}

  public static LinkedHashMap<String, String> parse(String text, String fileName, Lookup lookup) {
    LinkedHashMap<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\r?\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq > 0) {
        out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
