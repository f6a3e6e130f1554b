package dev.compose2bake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * {@link QuickArgs} against picocli, on generated command lines: whenever the quick reader accepts
 * one, picocli must read it without error or help request and set every convert field to the same
 * value; and running it must print the same bytes on both streams and exit with the same code as
 * the picocli path. The generator mixes every convert option (short, long, {@code --name=value}),
 * values that look like options, {@code @files}, {@code --}, the other commands, help and version,
 * unknown and clustered options, so that both outcomes are common. {@code -Dquickargs.seed=N} and
 * {@code -Dquickargs.count=N} vary the run.
 */
class QuickArgsTest {
  private static final long SEED = Long.getLong("quickargs.seed", 20260107L);
  private static final int COUNT = Integer.getInteger("quickargs.count", 4000);
  private static final int RUNS = Integer.getInteger("quickargs.runs", 300);

  private static final String[] VALUE_OPTIONS = {"-f", "--file", "-o", "--output", "--format", "-p", "--project-name",
      "--project-directory", "--env-file", "--profile", "--env-defaults"};
  private static final String[] FLAGS = {"-q", "--quiet", "--resolve", "--check"};
  private static final String[] ODD = {"--", "-", "-h", "--help", "-V", "--version", "-x", "--bogus", "-qf", "-fq",
      "-fcompose.yaml", "-f=compose.yaml", "--file=compose.yaml", "--file=", "--format=json", "--quiet=true",
      "--check=false", "--=x", "@args.txt", "@", "--fil", "--FILE", "-F", "-oout.hcl", "--output=out.json",
      "--env-defaults=none", "--profile=tools"};
  private static final String[] WORDS = {"convert", "build", "graph", "help", "completion", "web", "api", "w*", "",
      "a b", "=", "compose.yaml", "x=y", "-1", "--", "'quoted'", "\"q\"", "é"};
  private static final String[] VALUES = {"compose.yaml", "other.yaml", "missing.yaml", "-", "", "@args.txt", "-q",
      "--file", "--help", "json", "hcl", "JSON", "yaml", "all", "safe", "none", "Safe", "out.hcl", "out.json", "sub",
      "a b", "--", "-x", "tools", "name", "=", "-1", "convert"};

  private static int accepted;
  private static int declined;

  @TempDir
  Path dir;

  @AfterAll
  static void summary() {
    System.out.println("QuickArgsTest: seed " + SEED + ", quick reader accepted " + accepted + " and declined "
        + declined + " generated command lines");
  }

  private Console console(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new Console(dir, Map.of("HOME", "/home/user"), new ByteArrayInputStream(
        "services:\n  s:\n    build: .\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  /**
   * The arguments of a generated command line, with {@code @args.txt} naming an argument file that
   * exists (picocli reads it from the process's folder, not the console's).
   */
  private String[] argv(Random r) throws IOException {
    Path argFile = dir.resolve("args.txt");
    Files.writeString(argFile, "--file\nother.yaml\n");
    List<String> args = generate(r);
    args.replaceAll(a -> a.equals("@args.txt") ? "@" + argFile : a);
    return args.toArray(new String[0]);
  }

  private Console console() {
    return console(new ByteArrayOutputStream(), new ByteArrayOutputStream());
  }

  static List<String> generate(Random r) {
    List<String> args = new ArrayList<>();
    if (r.nextInt(5) == 0) {
      args.add(r.nextInt(4) == 0 ? pick(r, WORDS) : "convert");
    }
    int n = r.nextInt(7);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(20);
      if (kind < 9) {
        args.add(pick(r, VALUE_OPTIONS));
        if (r.nextInt(12) != 0) {
          args.add(pick(r, VALUES));
        }
      } else if (kind < 12) {
        args.add(pick(r, FLAGS));
      } else if (kind < 15) {
        args.add(pick(r, WORDS));
      } else if (kind < 16) {
        args.add(pick(r, ODD));
      } else {
        args.add(r.nextBoolean() ? "web" : "api");
      }
    }
    return args;
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  /** The convert fields, in one comparable list. */
  private static List<Object> fields(ConvertCommand c) {
    return Arrays.asList(c.files, c.projectDirectory, c.projectName, c.envFiles, c.profiles, c.format, c.output,
        c.resolve, c.envDefaults, c.check, c.quiet, c.services);
  }

  /** The convert command picocli makes of args, or a reason why it makes none. */
  private Object picocli(String[] args) {
    CommandLine cmd = Cli.commandLine(args, console());
    ParseResult parsed;
    try {
      parsed = cmd.parseArgs(Cli.withCommand(args));
    } catch (CommandLine.ParameterException e) {
      return "usage error: " + e.getMessage();
    }
    if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested()) {
      return "help requested";
    }
    ParseResult sub = parsed.subcommand();
    if (sub == null || !sub.commandSpec().name().equals("convert")) {
      return "not convert: " + (sub == null ? "none" : sub.commandSpec().name());
    }
    if (sub.isUsageHelpRequested() || sub.isVersionHelpRequested() || sub.subcommand() != null) {
      return "help requested";
    }
    return sub.commandSpec().userObject();
  }

  @Test
  void agreesWithPicocliOrDeclines() throws IOException {
    Random r = new Random(SEED);
    for (int i = 0; i < COUNT; i++) {
      String[] args = argv(r);
      ConvertCommand quick = QuickArgs.parse(args, console());
      if (quick == null) {
        declined++;
        continue;
      }
      accepted++;
      Object viaPicocli = picocli(args);
      if (!(viaPicocli instanceof ConvertCommand p)) {
        fail("the quick reader accepted " + Arrays.toString(args) + " but picocli says " + viaPicocli);
        return;
      }
      assertEquals(fields(p), fields(quick), "fields of " + Arrays.toString(args));
    }
    // Both outcomes must be common, or the property says little.
    assertTrue(accepted > COUNT / 5, "accepted only " + accepted + " of " + COUNT);
    assertTrue(declined > COUNT / 5, "declined only " + declined + " of " + COUNT);
  }

  private record Outcome(int exit, String out, String err, String files) {}

  private Outcome run(String[] args, boolean quick) throws IOException {
    reset();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console c = console(out, err);
    int exit = quick ? Cli.run(args, c) : Cli.runWithPicocli(args, c);
    StringBuilder written = new StringBuilder();
    for (String name : new String[] {"out.hcl", "out.json", "sub/out.hcl"}) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        written.append(name).append(":\n").append(Files.readString(p));
      }
    }
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        written.toString());
  }

  /** The project, as it was before any run: two Compose files, a .env, an env file, no output. */
  private void reset() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("compose.yaml"), "name: demo\nservices:\n  web:\n    build:\n      context: .\n"
        + "      args:\n        V: ${VERSION:-1}\n    profiles: [tools]\n  api:\n    build: ./api\n"
        + "    image: example/api:${TAG}\n");
    Files.writeString(dir.resolve("other.yaml"), "services:\n  api:\n    build:\n      target: prod\n");
    Files.writeString(dir.resolve(".env"), "TAG=1.0\nTOKEN=secret\n");
    Files.writeString(dir.resolve("tools"), "VERSION=2\n");
    for (String name : new String[] {"out.hcl", "out.json", "sub/out.hcl"}) {
      Files.deleteIfExists(dir.resolve(name));
    }
  }

  @Test
  void runsAsThePicocliPathDoes() throws IOException {
    Random r = new Random(SEED + 1);
    int compared = 0;
    for (int i = 0; compared < RUNS && i < RUNS * 20; i++) {
      String[] args = argv(r);
      if (QuickArgs.parse(args, console()) == null) {
        continue;
      }
      compared++;
      Outcome viaPicocli = run(args, false);
      Outcome quick = run(args, true);
      assertEquals(viaPicocli, quick, "run of " + Arrays.toString(args));
    }
    assertEquals(RUNS, compared);
  }

  @Test
  void commonCommandLinesTakeTheQuickPath() {
    String[][] common = {
        {},
        {"-f", "compose.yaml"},
        {"-f", "compose.yaml", "-f", "compose.prod.yaml", "--profile", "tools", "-o", "docker-bake.json"},
        {"convert", "-o", "docker-bake.hcl", "--check"},
        {"api", "worker"},
        {"--file=compose.yaml", "--output=docker-bake.hcl", "--format=hcl", "--env-defaults", "none", "-q"},
        {"-p", "demo", "--project-directory", "sub", "--env-file", ".env", "--resolve", "--", "web"},
        {"-f", "-"},
    };
    for (String[] args : common) {
      ConvertCommand c = QuickArgs.parse(args, console());
      assertNotNull(c, Arrays.toString(args));
      assertTrue(picocli(args) instanceof ConvertCommand p && fields(p).equals(fields(c)), Arrays.toString(args));
    }
  }

  @Test
  void everythingElseIsLeftToPicocli() {
    String[][] others = {
        {"--help"}, {"-h"}, {"--version"}, {"-V"}, {"help"}, {"help", "convert"}, {"convert", "--help"},
        {"build", "-f", "compose.yaml"}, {"graph"}, {"completion"}, {"-fcompose.yaml"}, {"-f=compose.yaml"},
        {"-qf", "x"}, {"-f"}, {"-f", "-q"}, {"-o", "a", "-o", "b"}, {"-q", "-q"}, {"--format", "json", "--format=hcl"},
        {"@args.txt"}, {"-f", "@args.txt"}, {"-"}, {"--quiet=true"}, {"--bogus"}, {"-f", "--", "x"},
    };
    for (String[] args : others) {
      assertNull(QuickArgs.parse(args, console()), Arrays.toString(args));
    }
    assertFalse(picocli(new String[] {"--help"}) instanceof ConvertCommand);
  }
}
