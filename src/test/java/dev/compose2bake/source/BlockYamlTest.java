package dev.compose2bake.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.support.CorpusCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYaml}, the fast reader for plain block YAML, against snakeyaml: on every YAML file of
 * the test data, the examples and the shared corpora, and on seeded mutations of each, whatever the
 * fast reader accepts must read exactly as snakeyaml reads it (values, types, styles, tags, keys and
 * every position), and whatever breaks a rule of the builder under it must be refused by snakeyaml
 * too. It must also accept most real files, or it would be dead weight.
 */
class BlockYamlTest {
  private static final long SEED = Long.getLong("property.seed", 20261204L);
  private static final int MUTATIONS = 40;
  private static final String[] INSERTS = {
    " ", "  ", "\n", "- ", ": ", " #", "#", "'", "\"", "''", "&a ", "*a", "<<: *a\n", "-", ":", "?", "? ",
    "[", "{", ",", "!", "!!str ", "|", ">", "x", "\\", "---\n", "...\n", "--- ", "... ", "--- k: v\n", "%", "@", "`", "\t", "\r", "\u00e9",
    "key: value\n", "  - item\n", "a: &a\n  b: 1\n", "\"q\": 1\n", "'s''q': 2\n", "-\n", "k:\n", "1: x\n",
    "~", "null", "0x1F", "1.10", "yes", "2001-12-14", "- - x\n", "- k: v\n  j: w\n", "a: b: c\n", "<<: [*a]\n"
  };

  private final YamlReader reader = new YamlReader(YamlLimits.DEFAULT);
  private int accepted;
  private int total;

  @Test
  void readsWhatItAcceptsExactlyAsSnakeyaml() throws IOException {
    List<Path> files = corpus();
    Random random = new Random(SEED);
    int filesAccepted = 0;
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (java.nio.charset.MalformedInputException e) {
        continue; // not UTF-8: a bad-input case of its own
      }
      if (check(f.toString(), text)) {
        filesAccepted++;
      }
      for (int m = 0; m < MUTATIONS; m++) {
        check(f + " (mutation " + m + ", seed " + SEED + ")", mutate(text, random));
      }
    }
    System.out.printf("BlockYamlTest: seed %d, %d files (%d read by the fast reader), %d texts with mutations"
        + " (%d read by the fast reader)%n", SEED, files.size(), filesAccepted, total, accepted);
    assertTrue(files.size() >= 100, "the corpus is missing: " + files.size() + " files");
    assertTrue(filesAccepted * 2 > files.size(),
        "the fast reader took only " + filesAccepted + " of " + files.size() + " files");
  }

  @Test
  void readsTheUsualShapes() {
    String text = """
        # a comment
        name: demo
        x-base: &base
          context: ./base   # trailing comment
          args:
            A: "1.0"
            B: 'it''s'
            EMPTY:
        services:
          app:
            build:
              <<: *base
              tags:
              - one
              - "two"
            labels: &l
              - a=b
            depends_on:
              - base
          base:
            image: x:1 #c
            list:
              - k: v
                j: 2
              -
              - *l
        """;
    assertTrue(check("shapes", text));
    assertEquals(1, accepted);
  }

  /**
   * Generated documents in (and at the edges of) the fast reader's subset: nested mappings and
   * sequences, indentless and compact forms, anchors, aliases and merge keys, empty values,
   * comments, and scalars from an alphabet of YAML's indicators.
   */
  @Test
  void readsGeneratedDocumentsAsSnakeyaml() {
    Random random = new Random(SEED);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      if (random.nextInt(4) == 0) {
        b.append("# header\n");
      }
      mapping(b, 0, random, 0);
      check("generated document " + n + " (seed " + SEED + ")", b.toString());
    }
    System.out.printf("BlockYamlTest: %d generated documents, %d read by the fast reader%n", total, accepted);
    assertTrue(accepted * 10 > total, "the fast reader took only " + accepted + " of " + total);
  }

  private static final String[] WORDS = {
    "a", "web", "x-y", "1", "1.10", "0x1F", "-1", "true", "null", "~", "", " ", "a b", "a:b", "a: b", "a #b",
    "a#b", "-a", "?a", ":a", "'", "''", "\"", "it's", "http://h:80/p", "<<", "${VAR:-x}", "$$", "key:", "[x]", "{x}",
    "a,b", "@x", "%x", "!x", "&x", "*x", "|", ">", "- x", "..."
  };

  private static String scalar(Random random) {
    String w = WORDS[random.nextInt(WORDS.length)];
    return switch (random.nextInt(4)) {
      case 0 -> "\"" + w.replace("\\", "").replace("\"", "") + "\"";
      case 1 -> "'" + w.replace("'", "''") + "'";
      default -> w + (random.nextInt(8) == 0 ? " " : "");
    };
  }

  private static void mapping(StringBuilder b, int indent, Random random, int depth) {
    int entries = 1 + random.nextInt(4);
    for (int i = 0; i < entries; i++) {
      b.append(" ".repeat(indent)).append(random.nextInt(6) == 0 ? scalar(random) : "k" + random.nextInt(5)).append(':');
      value(b, indent, random, depth, false);
    }
  }

  private static void value(StringBuilder b, int indent, Random random, int depth, boolean inSequence) {
    String anchor = random.nextInt(8) == 0 ? " &a" + random.nextInt(2) : "";
    int kind = depth > 4 ? random.nextInt(3) : random.nextInt(7);
    switch (kind) {
      case 0 -> b.append(anchor).append(random.nextInt(3) == 0 ? " # c" : "").append('\n');
      case 1, 2 -> b.append(anchor).append(' ').append(random.nextInt(10) == 0 ? "*a" + random.nextInt(2) : scalar(random))
          .append(random.nextInt(5) == 0 ? " # c" : "").append('\n');
      case 3 -> {
        b.append(anchor).append('\n');
        if (random.nextInt(5) == 0) {
          b.append('\n').append(" ".repeat(indent + 1)).append("# comment\n");
        }
        mapping(b, indent + 1 + random.nextInt(3), random, depth + 1);
      }
      default -> {
        b.append(anchor).append('\n');
        int at = !inSequence && random.nextBoolean() ? indent : indent + 1 + random.nextInt(2);
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
          b.append(" ".repeat(at)).append('-');
          if (random.nextInt(3) == 0) {
            // a compact mapping: its keys line up after "- "
            b.append(' ').append("k").append(random.nextInt(5)).append(':');
            value(b, at + 2, random, depth + 1, false);
            if (random.nextBoolean()) {
              b.append(" ".repeat(at + 2)).append("j:");
              value(b, at + 2, random, depth + 1, false);
            }
          } else {
            value(b, at, random, depth + 1, true);
          }
        }
      }
    }
  }

  /** True when the fast reader accepted the text (and read it as snakeyaml does). */
  private boolean check(String name, String text) {
    total++;
    SourceFile file = new SourceFile("compose.yaml", Path.of("compose.yaml"), text);
    List<Node> fast;
    try {
      fast = reader.readSimple(file);
    } catch (CompileException e) {
      try {
        reader.readFully(file);
      } catch (CompileException expected) {
        return false;
      }
      fail(name + ": the fast reader's builder refused what snakeyaml reads: " + e.diagnostic().message());
      return false;
    }
    if (fast == null) {
      return false;
    }
    accepted++;
    List<Node> full;
    try {
      full = reader.readFully(file);
    } catch (CompileException e) {
      fail(name + ": the fast reader accepted what snakeyaml refuses (" + e.diagnostic().message() + "):\n" + text);
      return false;
    }
    assertEquals(render(full), render(fast), name + ":\n" + text);
    return true;
  }

  private static String mutate(String text, Random random) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
        case 1 -> {
          if (b.length() > 0) {
            b.delete(Math.min(at, b.length() - 1), Math.min(b.length(), at + 1 + random.nextInt(8)));
          }
        }
        case 2 -> {
          // indent or dedent the line that holds `at`
          int start = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
          if (random.nextBoolean()) {
            b.insert(start, random.nextBoolean() ? " " : "  ");
          } else if (start < b.length() && b.charAt(start) == ' ') {
            b.deleteCharAt(start);
          }
        }
        default -> {
          // repeat the line that holds `at`
          int start = b.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
          int end = b.indexOf("\n", start);
          if (end >= 0) {
            b.insert(end + 1, b.substring(start, end + 1));
          }
        }
      }
    }
    return b.toString();
  }

  /** Every fact of a node tree that a later stage can see, one per line. */
  private static String render(List<Node> documents) {
    StringBuilder b = new StringBuilder();
    for (Node d : documents) {
      render(d, 0, b);
    }
    return b.toString();
  }

  private static void render(Node n, int level, StringBuilder b) {
    if (b.length() > 4_000_000) {
      return; // an alias-heavy tree: what was compared so far is enough
    }
    b.append("  ".repeat(level)).append(n.kindName()).append(' ').append(n.position().line()).append(':')
        .append(n.position().column()).append(" tag=").append(n.tag());
    if (n instanceof ScalarNode s) {
      Object v = s.value();
      b.append(" plain=").append(s.isPlain()).append(' ')
          .append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v).append('\n');
    } else if (n instanceof MapNode m) {
      b.append('\n');
      for (MapNode.Entry e : m.entries()) {
        b.append("  ".repeat(level + 1)).append("key ");
        render(e.key(), 0, b);
        render(e.value(), level + 2, b);
      }
    } else if (n instanceof SeqNode q) {
      b.append('\n');
      for (Node item : q.items()) {
        render(item, level + 1, b);
      }
    }
  }

  private static List<Path> corpus() throws IOException {
    List<Path> roots = new ArrayList<>(List.of(Path.of("testdata"), Path.of("examples")));
    Path shared = CorpusCase.sharedDir();
    if (shared != null) {
      roots.add(shared.resolve("conformance"));
      roots.add(shared.resolve("realworld"));
    } else if ("true".equals(System.getenv("CI"))) {
      fail("../shared is missing: CI must provide it beside the project");
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .filter(p -> sizeOf(p) < 1_000_000)
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
