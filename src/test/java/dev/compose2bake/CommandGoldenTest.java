package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.GoldenCase;
import dev.compose2bake.support.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests for the other commands ({@code graph}, {@code build --dry-run}): a case's
 * {@code testdata/<case>/commands} file has lines {@code FILE: ARGS...}; each runs
 * {@code compose2bake ARGS} followed by the case's loading arguments ({@code args}, default
 * {@code -f compose.yaml}) in a scratch copy of the case, twice, and compares the output with
 * {@code golden/<case>/FILE}. Standard error and a non-zero exit code, when there are any, follow the
 * output after {@code --- stderr} and {@code --- exit code} lines. {@code -Dgolden.update=true}
 * rewrites the files.
 */
class CommandGoldenTest {
  private static final Path TESTDATA = Path.of("testdata");
  private static final Path GOLDEN = Path.of("golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  /** The golden files GoldenTest owns; every other file in a golden folder must come from a command. */
  private static final Set<String> CONVERT_FILES = Set.of("docker-bake.hcl", "docker-bake.json", "diagnostics.txt",
      "exit-code");

  @TestFactory
  Stream<DynamicTest> commands() throws IOException {
    List<DynamicTest> out = new ArrayList<>();
    for (GoldenCase c : GoldenCase.all(TESTDATA)) {
      for (Map.Entry<String, List<String>> e : commands(c.dir()).entrySet()) {
        out.add(DynamicTest.dynamicTest(c.name() + " " + e.getKey(), () -> check(c, e.getKey(), e.getValue())));
      }
    }
    return out.stream();
  }

  /** A file in golden/ that neither GoldenTest nor a commands line writes would never be checked. */
  @Test
  void everyGoldenFileHasAnOwner() throws IOException {
    for (GoldenCase c : GoldenCase.all(TESTDATA)) {
      Path dir = GOLDEN.resolve(c.name());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Set<String> owned = new TreeSet<>(CONVERT_FILES);
      owned.addAll(commands(c.dir()).keySet());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          assertTrue(owned.contains(f.getFileName().toString()),
              f + " is not written by any test: add it to testdata/" + c.name() + "/commands or delete it");
        }
      }
    }
  }

  static Map<String, List<String>> commands(Path caseDir) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Path file = caseDir.resolve("commands");
    if (!Files.exists(file)) {
      return out;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 1) {
        throw new IllegalArgumentException(file + ": expected FILE: ARGS..., got " + line);
      }
      out.put(line.substring(0, colon).strip(), Arrays.asList(line.substring(colon + 1).strip().split("\\s+")));
    }
    return out;
  }

  private static void check(GoldenCase c, String name, List<String> command) throws IOException {
    String first = run(c, command);
    String second = run(c, command);
    assertEquals(first, second, "running twice, in two folders, must give the same bytes");
    Path golden = GOLDEN.resolve(c.name()).resolve(name);
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, first, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail(golden + " is missing; run mvn test -Dtest=CommandGoldenTest -Dgolden.update=true and review it");
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), first, golden.toString());
  }

  private static String run(GoldenCase c, List<String> command) throws IOException {
    Path tmp = Files.createTempDirectory("c2b-command-");
    try {
      Path work = tmp.resolve(c.name());
      GoldenCase.copy(c.dir(), work);
      List<String> args = new ArrayList<>(command);
      args.addAll(c.args());
      Map<String, String> env = new LinkedHashMap<>(c.env());
      env.putIfAbsent("HOME", "/home/user");
      InProcess.Run r = InProcess.run(work.resolve(c.cwd()), env, c.stdin(), args.toArray(new String[0]));
      StringBuilder b = new StringBuilder(r.stdout());
      if (!r.stderr().isEmpty()) {
        b.append("--- stderr\n").append(r.stderr().replace(tmp.toString(), "<tmp>"));
      }
      if (r.exitCode() != 0) {
        b.append("--- exit code ").append(r.exitCode()).append('\n');
      }
      return b.toString();
    } finally {
      CaseRunner.delete(tmp);
    }
  }
}
