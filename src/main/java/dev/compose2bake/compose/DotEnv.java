package dev.compose2bake.compose;

import dev.compose2bake.interp.Lookup;
import dev.compose2bake.interp.Template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads the dotenv format of compose-go v2 ({@code dotenv/parser.go}), used for a project's {@code .env} and for
 * {@code env_file}: {@code KEY=value} lines, {@code export}, comments, single and double quotes, and
 * interpolation of unquoted and double-quoted values.
 */
public final class DotEnv {

  private DotEnv() {
  }

  /** {@link #parse(String, String, Lookup, Consumer)} ignoring warnings. */
  public static LinkedHashMap<String, String> parse(String text, String fileName, Lookup lookup) {
    return parse(text, fileName, lookup, warning -> { });
  }

  /**
   * Parses {@code text}, returning the variables in the order they first appear (a later line redefining a key
   * changes its value, not its position).
   *
   * @param fileName the name used in error messages
   * @param lookup the variables outside the file. In a value, {@code ${X}} is resolved from {@code lookup} first,
   *     then from the lines above; a line {@code KEY} without {@code =} takes {@code KEY} from {@code lookup},
   *     and is dropped when it is unset there
   * @param warnings receives the name of each unset variable a value refers to
   * @throws DotEnvException if the text is not valid, or a value cannot be interpolated
   */
  public static LinkedHashMap<String, String> parse(String text, String fileName, Lookup lookup,
      Consumer<String> warnings) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(lookup, "lookup");
    Objects.requireNonNull(warnings, "warnings");
    return new DotEnvParser(text, fileName, lookup, warnings).parse();
  }

  /** The values of a file and, for those written with variables, their templates. */
  public record Parsed(LinkedHashMap<String, String> values, LinkedHashMap<String, Template> templates) {}

  /** Like {@link #parse(String, String, Lookup)}, also keeping the templates of interpolated values. */
  public static Parsed parseWithTemplates(String text, String fileName, Lookup lookup) {
    DotEnvParser p = new DotEnvParser(text, fileName, lookup, warning -> { });
    LinkedHashMap<String, String> values = p.parse();
    return new Parsed(values, p.templates());
  }

  /** Reads {@code file} as UTF-8 and parses it like {@link #parse(String, String, Lookup, Consumer)}. */
  public static LinkedHashMap<String, String> read(Path file, Lookup lookup, Consumer<String> warnings)
      throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return parse(text, file.toString(), lookup, warnings);
  }
}
