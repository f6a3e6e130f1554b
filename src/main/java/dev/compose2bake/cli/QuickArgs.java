package dev.compose2bake.cli;

/**
 * Reads the common convert command lines without picocli, whose start-up (annotation reflection,
 * proxies, its type converters) costs more than the conversion of a small project.
 *
 * <p>It accepts only what it can read exactly as picocli would: an optional leading
 * {@code convert}, convert's options each written once (the repeatable ones any number of times),
 * values given as the next word or, for long options, after {@code =}, service names, and
 * {@code --}. Everything else (help, version, the other commands, an unknown, clustered or
 * attached short option, a missing value, a value that starts with {@code -} other than
 * {@code -} itself, a lone {@code -}, an {@code @file} argument, a single-valued option given
 * twice) makes it decline, and picocli reads the command line as before, so that picocli alone
 * writes help and usage errors. {@code QuickArgsTest} checks the agreement on generated command
 * lines.
 */
final class QuickArgs {
  private QuickArgs() {}

  /** The convert command of {@code args} with its fields set, or null when picocli must read them. */
  static ConvertCommand parse(String[] args, Console console) {
    int i = 0;
    if (args.length > 0 && args[0].equals("convert")) {
      i = 1;
    }
    ConvertCommand c = new ConvertCommand(console);
    boolean envDefaultsSet = false;
    boolean positionalOnly = false;
    for (; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("@")) {
        return null; // picocli expands argument files
      }
      if (positionalOnly || !a.startsWith("-")) {
        if (i == 0 && isCommandWord(a)) {
          return null;
        }
        c.services.add(a);
        continue;
      }
      switch (a) {
        case "--":
          positionalOnly = true;
          continue;
        case "-q", "--quiet":
          if (c.quiet) {
            return null;
          }
          c.quiet = true;
          continue;
        case "--resolve":
          if (c.resolve) {
            return null;
          }
          c.resolve = true;
          continue;
        case "--check":
          if (c.check) {
            return null;
          }
          c.check = true;
          continue;
        default:
          break;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else {
        if (i + 1 >= args.length) {
          return null;
        }
        value = args[++i];
        if (value.startsWith("@") || (value.startsWith("-") && !value.equals("-"))) {
          return null;
        }
      }
      switch (name) {
        case "-f", "--file" -> c.files.add(value);
        case "--env-file" -> c.envFiles.add(value);
        case "--profile" -> c.profiles.add(value);
        case "-o", "--output" -> {
          if (c.output != null) {
            return null;
          }
          c.output = value;
        }
        case "--format" -> {
          if (c.format != null) {
            return null;
          }
          c.format = value;
        }
        case "-p", "--project-name" -> {
          if (c.projectName != null) {
            return null;
          }
          c.projectName = value;
        }
        case "--project-directory" -> {
          if (c.projectDirectory != null) {
            return null;
          }
          c.projectDirectory = value;
        }
        case "--env-defaults" -> {
          if (envDefaultsSet) {
            return null;
          }
          envDefaultsSet = true;
          c.envDefaults = value;
        }
        default -> {
          return null;
        }
      }
    }
    return c;
  }

  /** A first word that names another command (or help): picocli's. */
  private static boolean isCommandWord(String a) {
    return a.equals("build") || a.equals("graph") || a.equals("help") || a.equals("completion");
  }
}
