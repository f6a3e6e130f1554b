package dev.compose2bake.bake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One run of {@code docker buildx bake -f -}: its arguments (after {@code docker}) and the
 * definition it reads on standard input. {@link #render()} writes both as a shell command with a
 * here-document, which is what {@code build --dry-run} prints and what a shell would run.
 */
public record BakeInvocation(List<String> arguments, String definition) {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  private static final String END = "EOF";

  public BakeInvocation {
    arguments = List.copyOf(arguments);
  }

  /** The options of {@code build} that go to bake as they are. */
  public record Options(boolean print, boolean load, boolean push, List<String> set, String builder,
      String progress, boolean noCache, boolean pull, List<String> allow) {
    public Options {
      set = List.copyOf(set);
      allow = List.copyOf(allow);
    }
  }

  /**
   * The command: {@code buildx bake --file -}, the entitlements (computed ones first, then those
   * the user added, each once), then the options passed through.
   */
  public static BakeInvocation of(Options options, List<String> entitlements, String definition) {
    List<String> args = new ArrayList<>(List.of("buildx", "bake", "--file", "-"));
    Set<String> allow = new LinkedHashSet<>(entitlements);
    allow.addAll(options.allow());
    for (String a : allow) {
      args.add("--allow");
      args.add(a);
    }
    if (options.builder() != null) {
      args.add("--builder");
      args.add(options.builder());
    }
    if (options.progress() != null) {
      args.add("--progress");
      args.add(options.progress());
    }
    if (options.print()) {
      args.add("--print");
    }
    if (options.load()) {
      args.add("--load");
    }
    if (options.push()) {
      args.add("--push");
    }
    if (options.noCache()) {
      args.add("--no-cache");
    }
    if (options.pull()) {
      args.add("--pull");
    }
    for (String s : options.set()) {
      args.add("--set");
      args.add(s);
    }
    return new BakeInvocation(args, definition);
  }

  /** The entitlements this run grants, in order. */
  public List<String> allowed() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < arguments.size(); i++) {
      if (arguments.get(i).equals("--allow")) {
        out.add(arguments.get(++i));
      }
    }
    return out;
  }

  /** {@code docker buildx bake ... <<'EOF'}, the definition, {@code EOF}. */
  public String render() {
    StringBuilder b = new StringBuilder("docker");
    for (String a : arguments) {
      b.append(' ').append(quote(a));
    }
    // The definition is JSON: every line starts with a brace or a space, so no line is "EOF".
    b.append(" <<'").append(END).append("'\n").append(definition);
    if (!definition.endsWith("\n")) {
      b.append('\n');
    }
    return b.append(END).append('\n').toString();
  }

  static String quote(String s) {
    if (!s.isEmpty() && PLAIN.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
