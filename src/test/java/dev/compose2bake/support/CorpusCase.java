package dev.compose2bake.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case of the shared conformance corpus (../shared/conformance/README.md): its arguments,
 * environment, sockets to create, and what is expected of a converter.
 */
public record CorpusCase(Path dir, String name, List<String> args, Map<String, String> env, List<String> sockets,
    String mode, Path expectedJson, boolean nondeterministic, String cwd) {

  /** The shared folder beside the project (override with -Dc2b.shared=DIR), or null. */
  public static Path sharedDir() {
    Path p = Path.of(System.getProperty("c2b.shared", "../shared")).toAbsolutePath().normalize();
    return Files.isDirectory(p) ? p : null;
  }

  public static List<CorpusCase> load(Path casesDir) {
    try (Stream<Path> s = Files.list(casesDir)) {
      List<CorpusCase> out = new ArrayList<>();
      for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
        CorpusCase c = read(d);
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusCase read(Path d) throws IOException {
    boolean hasJson = Files.exists(d.resolve("expected.json"));
    boolean hasError = Files.exists(d.resolve("expected.error"));
    if (!hasJson && !hasError) {
      return null;
    }
    List<String> args = new ArrayList<>();
    Path argsFile = d.resolve("args");
    if (Files.exists(argsFile)) {
      String line = Files.readAllLines(argsFile).stream().findFirst().orElse("").strip();
      if (!line.isEmpty()) {
        args.addAll(Arrays.asList(line.split("\\s+")));
      }
    } else {
      args.addAll(List.of("-f", "compose.yaml"));
    }
    Map<String, String> env = new LinkedHashMap<>();
    Path envFile = d.resolve("env");
    if (Files.exists(envFile)) {
      for (String line : Files.readAllLines(envFile)) {
        if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
          continue;
        }
        int eq = line.indexOf('=');
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    List<String> sockets = new ArrayList<>();
    Path socketsFile = d.resolve("sockets");
    if (Files.exists(socketsFile)) {
      for (String line : Files.readAllLines(socketsFile)) {
        if (!line.isBlank()) {
          sockets.add(line.strip());
        }
      }
    }
    String mode = "";
    Path expect = d.resolve("c2b-expect");
    if (Files.exists(expect)) {
      mode = Files.readAllLines(expect).stream().findFirst().orElse("").strip();
    }
    if (mode.isEmpty()) {
      mode = hasJson ? "json" : "error";
    }
    Path c2bJson = d.resolve("c2b-expected.json");
    Path want = Files.exists(c2bJson) ? c2bJson : hasJson ? d.resolve("expected.json") : null;
    String cwd = Files.exists(d.resolve("cwd")) ? Files.readString(d.resolve("cwd")).strip() : ".";
    return new CorpusCase(d, d.getFileName().toString(), List.copyOf(args), env, sockets, mode, want,
        Files.exists(d.resolve("nondeterministic")), cwd);
  }

  /** The same case with another mode (for deliberate differences decided by the test, not the corpus). */
  public CorpusCase withMode(String newMode) {
    return new CorpusCase(dir, name, args, env, sockets, newMode, newMode.equals("ok") ? null : expectedJson,
        nondeterministic, cwd);
  }

  public boolean deliberateJson() {
    return expectedJson != null && expectedJson.getFileName().toString().equals("c2b-expected.json");
  }
}
