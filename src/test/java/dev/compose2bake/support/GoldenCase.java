package dev.compose2bake.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One golden case: {@code testdata/<name>/} with the project files and optional control files:
 * {@code args} (one line; default {@code -f compose.yaml}), {@code env} (NAME=VALUE lines; the run
 * sees only these), {@code cwd} (folder to run in), {@code stdin}, {@code deliberate} (why buildx
 * reads the Compose files differently, which skips that comparison), {@code bake-args} (the
 * arguments that make buildx read the Compose files, when they differ from {@code args}) and
 * {@code commands} (other commands to compare with golden files, see CommandGoldenTest).
 */
public record GoldenCase(Path dir, String name, List<String> args, List<String> bakeArgs, Map<String, String> env,
    String cwd, String stdin, String deliberate, boolean refused) {

  static final List<String> CONTROL = List.of("args", "env", "cwd", "stdin", "deliberate", "bake-args", "README", "commands");

  public static List<GoldenCase> all(Path testdata) throws IOException {
    List<GoldenCase> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(testdata)) {
      for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (d.getFileName().toString().equals("e2e")) {
          continue;
        }
        out.add(read(d));
      }
    }
    return out;
  }

  static GoldenCase read(Path d) throws IOException {
    List<String> args = line(d.resolve("args"), List.of("-f", "compose.yaml"));
    List<String> bakeArgs = line(d.resolve("bake-args"), null);
    if (bakeArgs == null) {
      bakeArgs = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals("-f") && i + 1 < args.size()) {
          bakeArgs.add("-f");
          bakeArgs.add(args.get(++i));
        }
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (Files.exists(d.resolve("env"))) {
      for (String l : Files.readAllLines(d.resolve("env"))) {
        int eq = l.indexOf('=');
        if (eq > 0 && !l.startsWith("#")) {
          env.put(l.substring(0, eq), l.substring(eq + 1));
        }
      }
    }
    String cwd = Files.exists(d.resolve("cwd")) ? Files.readString(d.resolve("cwd")).strip() : ".";
    String stdin = Files.exists(d.resolve("stdin")) ? Files.readString(d.resolve("stdin")) : "";
    String deliberate = Files.exists(d.resolve("deliberate")) ? Files.readString(d.resolve("deliberate")).strip() : null;
    boolean refused = Files.exists(Path.of("golden").resolve(d.getFileName()).resolve("exit-code"));
    return new GoldenCase(d, d.getFileName().toString(), args, bakeArgs, env, cwd, stdin, deliberate, refused);
  }

  private static List<String> line(Path file, List<String> fallback) throws IOException {
    if (!Files.exists(file)) {
      return fallback;
    }
    String l = Files.readAllLines(file).stream().findFirst().orElse("").strip();
    return l.isEmpty() ? List.of() : List.copyOf(Arrays.asList(l.split("\\s+")));
  }

  /** Copies the case's project files (not its control files) to {@code to}. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path rel = from.relativize(f);
        if (rel.getNameCount() == 1 && CONTROL.contains(rel.toString())) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target);
        }
      }
    }
  }
}
