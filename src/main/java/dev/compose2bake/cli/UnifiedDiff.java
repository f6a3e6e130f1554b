package dev.compose2bake.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context: Myers' O((N+M)D)
 * algorithm, so that small changes to large files stay cheap. When the files differ too much for
 * that to be cheap, one hunk replaces everything.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final int MAX_EDITS = 4000;

  private UnifiedDiff() {}

  /** The diff, or "" when the texts are equal. */
  static String diff(String oldName, String newName, String oldText, String newText) {
    if (oldText.equals(newText)) {
      return "";
    }
    String[] a = lines(oldText);
    String[] b = lines(newText);
    List<int[]> edits = edits(a, b); // {kind, indexInA, indexInB}: kind 0 keep, 1 delete, 2 insert
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < edits.size()) {
      while (i < edits.size() && edits.get(i)[0] == 0) {
        i++;
      }
      if (i >= edits.size()) {
        break;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int quiet = 0;
      while (end < edits.size() && quiet <= 2 * CONTEXT) {
        quiet = edits.get(end)[0] == 0 ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(edits.size(), end - Math.max(0, quiet - CONTEXT));
      hunk(out, a, b, edits.subList(start, end));
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, String[] a, String[] b, List<int[]> edits) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    StringBuilder body = new StringBuilder();
    for (int[] e : edits) {
      if (aStart < 0) {
        aStart = e[1];
        bStart = e[2];
      }
      switch (e[0]) {
        case 0 -> {
          body.append(' ').append(a[e[1]]).append('\n');
          aCount++;
          bCount++;
        }
        case 1 -> {
          body.append('-').append(a[e[1]]).append('\n');
          aCount++;
        }
        default -> {
          body.append('+').append(b[e[2]]).append('\n');
          bCount++;
        }
      }
    }
    out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
    out.append(body);
  }

  private static String range(int start, int count) {
    return (count == 0 ? start : start + 1) + (count == 1 ? "" : "," + count);
  }

  private static String[] lines(String s) {
    if (s.isEmpty()) {
      return new String[0];
    }
    String[] l = s.split("\n", -1);
    return s.endsWith("\n") ? Arrays.copyOf(l, l.length - 1) : l;
  }

  /** The edit script from Myers' greedy algorithm, walked back from the snapshots of V. */
  private static List<int[]> edits(String[] a, String[] b) {
    int n = a.length;
    int m = b.length;
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    long budget = 20_000_000L; // ints kept in the trace: beyond it, one hunk replaces everything
    for (int d = 0; d <= Math.min(max, MAX_EDITS) && (long) (d + 1) * v.length <= budget; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
            : v[offset + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a[x].equals(b[y])) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
      if (found >= 0) {
        break;
      }
    }
    List<int[]> out = new ArrayList<>();
    if (found < 0) {
      for (int i = 0; i < n; i++) {
        out.add(new int[] {1, i, 0});
      }
      for (int j = 0; j < m; j++) {
        out.add(new int[] {2, n, j});
      }
      return out;
    }
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] pv = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = pv[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        out.add(new int[] {0, --x, --y});
      }
      if (x == prevX) {
        out.add(new int[] {2, x, --y});
      } else {
        out.add(new int[] {1, --x, y});
      }
    }
    while (x > 0 && y > 0) {
      out.add(new int[] {0, --x, --y});
    }
    java.util.Collections.reverse(out);
    return out;
  }
}
