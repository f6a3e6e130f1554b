package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.compose2bake.support.Buildx;
import dev.compose2bake.support.CaseRunner;
import dev.compose2bake.support.GoldenCase;
import dev.compose2bake.support.HclReader;
import dev.compose2bake.support.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: each {@code testdata/<case>/} is converted (in two different scratch folders, to
 * HCL and to JSON) and compared byte for byte with {@code golden/<case>/}: {@code docker-bake.hcl},
 * {@code docker-bake.json}, the rendered diagnostics ({@code diagnostics.txt}) and, for refused
 * input, the exit code ({@code exit-code}). Run with {@code -Dgolden.update=true} to rewrite the
 * golden files; review their diff like code. Each golden HCL that hcl4j can read must equal the
 * golden JSON, and buildx must read our file as it reads the Compose files unless the case says
 * why not in a {@code deliberate} file.
 */
class GoldenTest {
  private static final Path TESTDATA = Path.of("testdata");
  private static final Path GOLDEN = Path.of("golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicContainer> golden() throws IOException {
    List<DynamicContainer> out = new ArrayList<>();
    for (GoldenCase c : GoldenCase.all(TESTDATA)) {
      out.add(DynamicContainer.dynamicContainer(c.name(), Stream.of(
          DynamicTest.dynamicTest("matches golden files", () -> checkGolden(c)),
          DynamicTest.dynamicTest("HCL read back by hcl4j equals the JSON", () -> checkHclEqualsJson(c)),
          DynamicTest.dynamicTest("buildx reads it as it reads the Compose files", () -> checkBuildx(c)))));
    }
    return out.stream();
  }

  /** Every golden folder belongs to a test case, so a renamed case cannot leave stale files. */
  @Test
  void noOrphanGoldenFolders() throws IOException {
    if (!Files.isDirectory(GOLDEN)) {
      return;
    }
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      for (Path d : dirs.toList()) {
        assertTrue(Files.isDirectory(TESTDATA.resolve(d.getFileName())),
            "golden/" + d.getFileName() + " has no testdata/" + d.getFileName());
      }
    }
  }

  private void checkGolden(GoldenCase c) throws IOException {
    Result hcl = run(c, "hcl");
    Result json = run(c, "json");
    Result hclAgain = run(c, "hcl");
    assertEquals(hcl.output, hclAgain.output, "converting twice, in two folders, must give the same bytes");
    assertEquals(hcl.diagnostics, json.diagnostics, "HCL and JSON runs report the same diagnostics");
    assertEquals(hcl.exitCode, json.exitCode);
    Path golden = GOLDEN.resolve(c.name());
    expectFile(golden.resolve("docker-bake.hcl"), hcl.exitCode == 0 ? hcl.output : null);
    expectFile(golden.resolve("docker-bake.json"), json.exitCode == 0 ? json.output : null);
    expectFile(golden.resolve("diagnostics.txt"), hcl.diagnostics.isEmpty() ? null : hcl.diagnostics);
    expectFile(golden.resolve("exit-code"), hcl.exitCode == 0 ? null : hcl.exitCode + "\n");
  }

  private void checkHclEqualsJson(GoldenCase c) throws IOException {
    Path golden = GOLDEN.resolve(c.name());
    Path hclFile = golden.resolve("docker-bake.hcl");
    Path jsonFile = golden.resolve("docker-bake.json");
    if (!Files.exists(hclFile) || !Files.exists(jsonFile)) {
      return; // refused input: no bake file
    }
    String hcl = Files.readString(hclFile);
    JsonNode fromJson = HclReader.withoutComment(JSON.readTree(Files.readString(jsonFile)));
    JsonNode fromHcl = HclReader.read(hcl);
    if (fromHcl == null) {
      return; // hcl4j cannot read this file (it uses ${...} or an escape hcl4j does not know)
    }
    assertEquals(fromJson, fromHcl);
  }

  private void checkBuildx(GoldenCase c) throws IOException {
    if (c.deliberate() != null || c.refused()) {
      return;
    }
    Buildx buildx = Buildx.require();
    Path tmp = Files.createTempDirectory("c2b-golden-");
    try {
      Path work = tmp.resolve(c.name());
      GoldenCase.copy(c.dir(), work);
      Map<String, String> env = buildx.environment(c.env());
      Path runDir = work.resolve(c.cwd());
      for (String format : List.of("hcl", "json")) {
        Path out = tmp.resolve("out." + format);
        Files.copy(GOLDEN.resolve(c.name()).resolve("docker-bake." + format), out);
        Buildx.Result ours = buildx.print(runDir, List.of("-f", out.toString()), env);
        Buildx.Result theirs = buildx.print(runDir, c.bakeArgs(), env);
        if (ours.exitCode() != 0 && theirs.exitCode() != 0) {
          continue; // both refuse (a required variable is missing): the same outcome
        }
        assertEquals(0, ours.exitCode(), "buildx cannot read our " + format + ": " + ours.stderr());
        assertEquals(0, theirs.exitCode(), "buildx cannot read the Compose files (add a deliberate file saying why): "
            + theirs.stderr());
        assertEquals(JSON.readTree(theirs.stdout()), JSON.readTree(ours.stdout()), format);
      }
    } finally {
      CaseRunner.delete(tmp);
    }
  }

  private record Result(int exitCode, String output, String diagnostics) {}

  /** Converts in a fresh scratch copy, so that no absolute path of the checkout can leak in. */
  private static Result run(GoldenCase c, String format) throws IOException {
    Path tmp = Files.createTempDirectory("c2b-golden-run-");
    try {
      Path work = tmp.resolve(c.name());
      GoldenCase.copy(c.dir(), work);
      List<String> args = new ArrayList<>(c.args());
      args.add("--format");
      args.add(format);
      Map<String, String> env = new java.util.LinkedHashMap<>(c.env());
      env.putIfAbsent("HOME", "/home/user");
      InProcess.Run r = InProcess.run(work.resolve(c.cwd()), env, c.stdin(), args.toArray(new String[0]));
      return new Result(r.exitCode(), r.stdout(), r.stderr().replace(tmp.toString(), "<tmp>"));
    } finally {
      CaseRunner.delete(tmp);
    }
  }

  private static void expectFile(Path file, String content) throws IOException {
    if (UPDATE) {
      if (content == null) {
        Files.deleteIfExists(file);
      } else {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
      }
      return;
    }
    if (content == null) {
      assertTrue(!Files.exists(file), file + " exists but the run produced no such output");
      return;
    }
    if (!Files.exists(file)) {
      fail(file + " is missing; run mvn test -Dgolden.update=true and review the new file");
    }
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), content, file.toString());
  }
}
