package dev.compose2bake.lower;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The three de-duplication rules buildx 0.29.1 applies to target lists. They differ in which
 * element survives and where, which is visible in {@code --print} output.
 */
public final class Dedup {
  private Dedup() {}

  /**
   * buildx {@code buildflags.removeDupes} (cache-from, cache-to, output): walks backwards from
   * the second-to-last element; when an element equals a later one, that later one is swapped
   * with the current last element and the list is shortened by one. So
   * {@code [a, a, b, c]} becomes {@code [a, c, b]}.
   */
  public static <T> List<T> removeDupes(List<T> in) {
    List<T> s = new ArrayList<>(in);
    int len = s.size();
    for (int i = len - 2; i >= 0; i--) {
      T elem = s.get(i);
      for (int j = i + 1; j < len; j++) {
        if (elem.equals(s.get(j))) {
          T last = s.get(len - 1);
          s.set(len - 1, s.get(j));
          s.set(j, last);
          len--;
          break;
        }
      }
    }
    return Collections.unmodifiableList(new ArrayList<>(s.subList(0, len)));
  }

  /**
   * buildx's de-duplication of secrets (by id), ssh keys (by id) and attestations (by type):
   * the first occurrence keeps its position and the last occurrence supplies the value.
   * {@code [a=1, b=2, a=3]} becomes {@code [a=3, b=2]}.
   */
  public static <T, K> List<T> lastWinsAtFirstPosition(List<T> in, Function<T, K> key) {
    List<T> res = new ArrayList<>();
    Map<K, Integer> index = new HashMap<>();
    for (T t : in) {
      K k = key.apply(t);
      Integer i = index.get(k);
      if (i != null) {
        res.set(i, t);
      } else {
        index.put(k, res.size());
        res.add(t);
      }
    }
    return Collections.unmodifiableList(res);
  }

  /**
   * buildx {@code removeDupesStr} (tags, platforms, no-cache-filter, ulimits, entitlements):
   * keeps the first occurrence in order and drops empty strings.
   */
  public static List<String> removeDupesStr(List<String> in) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (String v : in) {
      if (v.isEmpty() || !seen.add(v)) {
        continue;
      }
      out.add(v);
    }
    return Collections.unmodifiableList(out);
  }
}
