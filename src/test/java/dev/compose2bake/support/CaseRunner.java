package dev.compose2bake.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs one corpus case the way ../shared/tools/conformance.py does: a scratch copy of the case
 * folder named {@code case}, the converter in it with the case's arguments and environment, then
 * {@code docker buildx bake --print} on the output, compared (as parsed JSON) with what the same
 * buildx makes of the Compose files, or with the recording when buildx refuses them, or with the
 * deliberate difference's {@code c2b-expected.json}. Returns null when the case passes, else why not.
 */
public final class CaseRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOT_COPIED = Set.of("expected.json", "expected.error", "expected.error-full",
      "c2b-expect", "c2b-expected.json", "compose.json", "compose.error", "compose.error-full", "err.txt", "README",
      "nondeterministic");

  private final Buildx buildx;

  public CaseRunner(Buildx buildx) {
    this.buildx = buildx;
  }

  public String run(CorpusCase c, String format) throws IOException {
    return run(c, format, List.of());
  }

  /**
   * Runs a case with extra converter arguments. Besides the corpus modes, mode {@code readable}
   * means: the conversion must succeed and buildx must read the output, without comparing it.
   */
  public String run(CorpusCase c, String format, List<String> extraArgs) throws IOException {
    Path tmp = Files.createTempDirectory("c2b-case-");
    List<ServerSocketChannel> sockets = new ArrayList<>();
    try {
      Path work = tmp.resolve("case");
      copy(c.dir(), work);
      for (String s : c.sockets()) {
        Path p = work.resolve(s);
        Files.createDirectories(p.getParent());
        Files.deleteIfExists(p);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ch.bind(UnixDomainSocketAddress.of(p));
        sockets.add(ch);
      }
      Path runDir = work.resolve(c.cwd()).normalize();
      Map<String, String> env = buildx.environment(c.env());
      List<String> args = new ArrayList<>(c.args());
      args.addAll(extraArgs);
      args.add("--format");
      args.add(format);
      InProcess.Run run;
      try {
        run = InProcess.run(runDir, env, "", args.toArray(new String[0]));
      } catch (RuntimeException e) {
        return "the converter threw " + e;
      }
      String mode = c.mode();
      boolean refused = run.exitCode() == 3 || run.exitCode() == 4;
      if ((mode.equals("error") || mode.equals("error-or-bake-fails")) && refused) {
        if (!run.stderr().contains("error:")) {
          return "refused without an error message: " + run.stderr();
        }
        return null;
      }
      if (mode.equals("error")) {
        return "this input must be refused; the converter exited " + run.exitCode();
      }
      if (run.exitCode() != 0) {
        return "converter exit " + run.exitCode() + ": " + firstLine(run.stderr());
      }
      if (mode.equals("ok") && c.expectedJson() == null) {
        return null;
      }
      Path out = tmp.resolve("out." + format);
      Files.writeString(out, run.stdout(), StandardCharsets.UTF_8);
      Buildx.Result ours = buildx.print(runDir, List.of("-f", out.toString()), env);
      if (mode.equals("error-or-bake-fails")) {
        return ours.exitCode() != 0 ? null : "buildx accepted the output, but this input must fail";
      }
      if (ours.exitCode() != 0) {
        return "buildx cannot read the output: " + errorLine(ours.stderr());
      }
      if (mode.equals("readable")) {
        return null;
      }
      JsonNode got = JSON.readTree(ours.stdout());
      JsonNode want = null;
      if (!c.deliberateJson()) {
        Buildx.Result live = buildx.print(runDir, c.args(), env);
        if (live.exitCode() == 0) {
          want = JSON.readTree(live.stdout());
        }
      }
      if (want == null) {
        want = JSON.readTree(Files.readString(c.expectedJson()));
      }
      if (!got.equals(want)) {
        return "differs: " + describe(want, got);
      }
      return null;
    } finally {
      for (ServerSocketChannel ch : sockets) {
        ch.close();
      }
      delete(tmp);
    }
  }

  static String describe(JsonNode want, JsonNode got) {
    List<String> parts = new ArrayList<>();
    JsonNode wt = want.path("target");
    JsonNode gt = got.path("target");
    Set<String> names = new java.util.TreeSet<>();
    wt.fieldNames().forEachRemaining(names::add);
    gt.fieldNames().forEachRemaining(names::add);
    for (String t : names) {
      if (!gt.has(t)) {
        parts.add("missing target " + t);
      } else if (!wt.has(t)) {
        parts.add("extra target " + t);
      } else if (!wt.get(t).equals(gt.get(t))) {
        Set<String> keys = new java.util.TreeSet<>();
        wt.get(t).fieldNames().forEachRemaining(keys::add);
        gt.get(t).fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          JsonNode a = wt.get(t).get(k);
          JsonNode b = gt.get(t).get(k);
          if (a == null || !a.equals(b)) {
            parts.add(t + "." + k + ": want " + a + " got " + b);
          }
        }
      }
    }
    if (!want.path("group").equals(got.path("group"))) {
      parts.add("group: want " + want.path("group") + " got " + got.path("group"));
    }
    String s = String.join("; ", parts);
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  private static String errorLine(String stderr) {
    for (String line : stderr.split("\n")) {
      if (line.startsWith("ERROR")) {
        return line;
      }
    }
    return firstLine(stderr);
  }

  static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (from.equals(file.getParent()) && NOT_COPIED.contains(file.getFileName().toString())) {
          return FileVisitResult.CONTINUE;
        }
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isSymbolicLink(file)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(file));
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
