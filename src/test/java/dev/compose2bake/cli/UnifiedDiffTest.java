package dev.compose2bake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: applying the diff to the old text gives the new text, for random edits (seeded). */
class UnifiedDiffTest {
  private static final long SEED = Long.getLong("diff.seed", 20261203L);

  @Test
  void applyingTheDiffGivesTheNewText() {
    Random random = new Random(SEED);
    for (int run = 0; run < 500; run++) {
      List<String> a = new ArrayList<>();
      int n = random.nextInt(60);
      for (int i = 0; i < n; i++) {
        a.add("line " + random.nextInt(12));
      }
      List<String> b = new ArrayList<>(a);
      int edits = random.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int op = random.nextInt(3);
        if (op == 0 || b.isEmpty()) {
          b.add(random.nextInt(b.size() + 1), "new " + random.nextInt(5));
        } else if (op == 1) {
          b.remove(random.nextInt(b.size()));
        } else {
          b.set(random.nextInt(b.size()), "changed " + random.nextInt(5));
        }
      }
      String oldText = String.join("\n", a) + (a.isEmpty() ? "" : "\n");
      String newText = String.join("\n", b) + (b.isEmpty() ? "" : "\n");
      String diff = UnifiedDiff.diff("a", "b", oldText, newText);
      assertEquals(newText, apply(oldText, diff), "seed " + SEED + ", run " + run + ":\n" + diff);
    }
  }

  @Test
  void equalTextsGiveNoDiff() {
    assertEquals("", UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n"));
  }

  @Test
  void hunkHeadersFollowTheUnifiedFormat() {
    String diff = UnifiedDiff.diff("a", "b", "1\n2\n3\n4\n5\n6\n7\n8\n", "1\n2\n3\n4\nfive\n6\n7\n8\n");
    assertEquals("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
  }

  /** A minimal patch: applies the hunks in order. */
  private static String apply(String oldText, String diff) {
    List<String> old = oldText.isEmpty() ? List.of() : Arrays.asList(oldText.split("\n", -1)).subList(0,
        oldText.split("\n", -1).length - 1);
    List<String> out = new ArrayList<>();
    int next = 0;
    for (String line : diff.split("\n")) {
      if (line.startsWith("---") || line.startsWith("+++") || line.isEmpty()) {
        continue;
      }
      if (line.startsWith("@@")) {
        String range = line.split(" ")[1].substring(1);
        int start = Integer.parseInt(range.split(",")[0]);
        int count = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
        int from = count == 0 ? start : start - 1;
        while (next < from) {
          out.add(old.get(next++));
        }
        continue;
      }
      char kind = line.charAt(0);
      if (kind == ' ') {
        out.add(old.get(next++));
      } else if (kind == '-') {
        next++;
      } else {
        out.add(line.substring(1));
      }
    }
    while (next < old.size()) {
      out.add(old.get(next++));
    }
    return String.join("\n", out) + (out.isEmpty() ? "" : "\n");
  }
}
