package dev.compose2bake.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.InProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --check}: compares, never writes, and says what differs. */
class CheckTest {
  private static final Map<String, String> ENV = Map.of("HOME", "/home/user");

  @TempDir
  Path dir;

  private void project(String version) throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      context: .\n      args:\n"
        + "        VERSION: \"" + version + "\"\n        OTHER: same\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-bake.hcl", "docker-bake.json"})
  void upToDateFileGivesZeroAndIsUntouched(String name) throws Exception {
    project("1.0");
    assertEquals(0, InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", name).exitCode());
    Path out = dir.resolve(name);
    Files.setLastModifiedTime(out, FileTime.fromMillis(1_000_000_000_000L));
    byte[] before = Files.readAllBytes(out);
    InProcess.Run r = InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", name, "--check");
    assertEquals(0, r.exitCode(), r.stderr());
    assertEquals("", r.stdout());
    assertArrayEquals(before, Files.readAllBytes(out));
    assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(out).toMillis());
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker-bake.hcl", "docker-bake.json"})
  void changedArgGivesOneAndADiffThatNamesIt(String name) throws Exception {
    project("1.0");
    assertEquals(0, InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", name).exitCode());
    Path out = dir.resolve(name);
    byte[] before = Files.readAllBytes(out);
    project("2.0");
    InProcess.Run r = InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", name, "--check");
    assertEquals(1, r.exitCode());
    assertTrue(r.stdout().startsWith("--- " + name + "\n+++ " + name + " (regenerated)\n@@ "), r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("-") && l.contains("VERSION") && l.contains("1.0")),
        r.stdout());
    assertTrue(r.stdout().lines().anyMatch(l -> l.startsWith("+") && l.contains("VERSION") && l.contains("2.0")),
        r.stdout());
    assertFalse(r.stdout().lines().anyMatch(l -> (l.startsWith("+") || l.startsWith("-")) && l.contains("OTHER")));
    assertTrue(r.stderr().contains(name + " is out of date"), r.stderr());
    assertArrayEquals(before, Files.readAllBytes(out));
  }

  @Test
  void missingFileGivesOneWithAClearMessage() throws Exception {
    project("1.0");
    InProcess.Run r = InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", "docker-bake.hcl", "--check");
    assertEquals(1, r.exitCode());
    assertTrue(r.stderr().contains("docker-bake.hcl does not exist; generate it with: compose2bake -f compose.yaml"
        + " -o docker-bake.hcl"), r.stderr());
    assertFalse(Files.exists(dir.resolve("docker-bake.hcl")));
  }

  @Test
  void checkWithoutOutputIsAUsageError() throws Exception {
    project("1.0");
    InProcess.Run r = InProcess.run(dir, ENV, "", "-f", "compose.yaml", "--check");
    assertEquals(2, r.exitCode());
    assertTrue(r.stderr().contains("-o FILE"), r.stderr());
  }

  @Test
  void invalidProjectKeepsItsExitCodeAndTheFile() throws Exception {
    project("1.0");
    assertEquals(0, InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", "docker-bake.hcl").exitCode());
    byte[] before = Files.readAllBytes(dir.resolve("docker-bake.hcl"));
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      args: 5\n");
    InProcess.Run r = InProcess.run(dir, ENV, "", "-f", "compose.yaml", "-o", "docker-bake.hcl", "--check");
    assertEquals(3, r.exitCode());
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("docker-bake.hcl")));
  }
}
