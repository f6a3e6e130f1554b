package dev.compose2bake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --quiet, NO_COLOR, and colour only on a terminal, through the whole command line. */
class ConsoleTest {
  private static final String ESC = "\u001b[";

  @TempDir
  Path dir;

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run run(boolean terminal, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> e = new HashMap<>(env);
    e.putIfAbsent("HOME", "/home/user");
    Console console = new Console(dir, e, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal);
    int code = Cli.run(args, console);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Valid, with a warning (an unset variable). */
  private void warningProject() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      context: .\n"
        + "      args:\n        A: ${UNSET_VARIABLE}\n");
  }

  /** Invalid, with an error and a warning. */
  private void errorProject() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    build:\n      context: .\n"
        + "      args:\n        A: ${UNSET_VARIABLE}\n      no_cache: sometimes\n");
  }

  @Test
  void colourOnlyOnATerminalWithoutNoColor() {
    assertTrue(new Console(dir, Map.of(), null, null, null, true).colour());
    assertFalse(new Console(dir, Map.of(), null, null, null, false).colour());
    assertFalse(new Console(dir, Map.of("NO_COLOR", "1"), null, null, null, true).colour());
    assertTrue(new Console(dir, Map.of("NO_COLOR", ""), null, null, null, true).colour(), "an empty NO_COLOR is unset");
    assertFalse(new Console(dir, Map.of("TERM", "dumb"), null, null, null, true).colour());
  }

  @Test
  void diagnosticsAreColouredOnATerminal() throws Exception {
    errorProject();
    Run r = run(true, Map.of(), "--resolve", "-f", "compose.yaml");
    assertEquals(3, r.exitCode());
    assertTrue(r.stderr().contains(ESC + "1;31merror"), r.stderr());
    assertTrue(r.stderr().contains(ESC + "1;33mwarning"), r.stderr());
  }

  @Test
  void noColourWithNoColorOrOffATerminal() throws Exception {
    errorProject();
    Run plain = run(false, Map.of(), "-f", "compose.yaml");
    Run noColor = run(true, Map.of("NO_COLOR", "1"), "-f", "compose.yaml");
    assertFalse(plain.stderr().contains(ESC), plain.stderr());
    assertEquals(plain.stderr(), noColor.stderr());
    assertTrue(plain.stderr().contains("compose.yaml:7:17: error: services.web.build.no_cache: invalid boolean"));
  }

  @Test
  void quietKeepsErrorsAndDropsWarnings() throws Exception {
    errorProject();
    Run loud = run(false, Map.of(), "--resolve", "-f", "compose.yaml");
    Run quiet = run(false, Map.of(), "--resolve", "-q", "-f", "compose.yaml");
    assertTrue(loud.stderr().contains("warning: "), loud.stderr());
    assertFalse(quiet.stderr().contains("warning"), quiet.stderr());
    assertTrue(quiet.stderr().startsWith("compose.yaml:7:17: error: "), quiet.stderr());
    assertEquals(3, quiet.exitCode());
  }

  @Test
  void warningsDoNotStopTheRunAndQuietSilencesThem() throws Exception {
    warningProject();
    Run loud = run(false, Map.of(), "--resolve", "-f", "compose.yaml", "-o", "docker-bake.hcl");
    assertEquals(0, loud.exitCode());
    assertTrue(loud.stderr().contains("warning: the variable UNSET_VARIABLE is not set"), loud.stderr());
    assertTrue(Files.readString(dir.resolve("docker-bake.hcl")).contains("target \"web\""));
    Run quiet = run(false, Map.of(), "--resolve", "--quiet", "-f", "compose.yaml", "-o", "docker-bake.hcl");
    assertEquals(0, quiet.exitCode());
    assertEquals("", quiet.stderr());
  }

  @Test
  void aBadLimitsVariableIsAUsageError() throws Exception {
    warningProject();
    Run r = run(false, Map.of("COMPOSE2BAKE_LIMITS", "services=lots"), "-f", "compose.yaml");
    assertEquals(2, r.exitCode());
    assertTrue(r.stderr().contains("COMPOSE2BAKE_LIMITS: \"services=lots\" is not NAME=POSITIVE-NUMBER"), r.stderr());
  }

  @Test
  void buildAndGraphTakeTheLimitsToo() throws Exception {
    warningProject();
    for (String command : List.of("graph", "build")) {
      // Both stop before anything runs: a usage error, and a file over the size limit.
      Run bad = run(false, Map.of("COMPOSE2BAKE_LIMITS", "services=lots"), command, "-f", "compose.yaml");
      assertEquals(2, bad.exitCode(), command + ": " + bad.stderr());
      assertTrue(bad.stderr().contains("is not NAME=POSITIVE-NUMBER"), bad.stderr());
      Run small = run(false, Map.of("COMPOSE2BAKE_LIMITS", "bytes=16"), command, "-f", "compose.yaml");
      assertEquals(3, small.exitCode(), command + ": " + small.stderr());
      assertTrue(small.stderr().contains("COMPOSE2BAKE_LIMITS=bytes="), small.stderr());
    }
  }

  @Test
  void theLimitsComeFromTheProcessEnvironmentNotFromDotEnv() throws Exception {
    warningProject();
    Files.writeString(dir.resolve(".env"), "COMPOSE2BAKE_LIMITS=services=0\nUNSET_VARIABLE=x\n");
    Run r = run(false, Map.of(), "-f", "compose.yaml");
    assertEquals(0, r.exitCode(), r.stderr());
  }
}
