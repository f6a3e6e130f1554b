package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ssh forwarding entry as bake prints it: {@code {"id":"default"}} or
 * {@code {"id":"key","paths":["./k1","./k2"]}}.
 *
 * <p>{@link #parse} follows buildx {@code buildflags.SSH.UnmarshalText}: no CSV, just
 * {@code id} or {@code id=path1,path2}. {@link #ORDER} is buildx's {@code SSH.Less}: by id, then by
 * the path lists element by element (a shorter list that is a prefix comes first), comparing
 * strings by their bytes.
 */
public record SshKey(String id, List<String> paths) {

  /** Copies the paths; null means none. */
  public SshKey {
    id = id == null ? "" : id;
    paths = paths == null ? List.of() : List.copyOf(paths);
  }

  /** buildx's {@code SSH.Less}. */
  public static final Comparator<SshKey> ORDER = (a, b) -> {
    int c = GoStrconv.compareBytes(a.id, b.id);
    if (c != 0) {
      return c;
    }
    int n = Math.min(a.paths.size(), b.paths.size());
    for (int i = 0; i < n; i++) {
      c = GoStrconv.compareBytes(a.paths.get(i), b.paths.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.paths.size(), b.paths.size());
  };

  /** Parses {@code default}, {@code id=path} or {@code id=path1,path2}. Never fails. */
  public static SshKey parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      return new SshKey(text, List.of());
    }
    return new SshKey(text.substring(0, eq), Arrays.asList(text.substring(eq + 1).split(",", -1)));
  }

  /** Parses a list the way bake does: empty strings are skipped. */
  public static List<SshKey> parseAll(List<String> values) {
    return Csv.parseEach(values, SshKey::parse);
  }

  /** A Compose ssh entry ({@code composeToBuildkitSSH}): an empty path means no paths. */
  public static SshKey fromCompose(String id, String path) {
    return new SshKey(id, path == null || path.isEmpty() ? List.of() : List.of(path));
  }

  /** Sorted by {@link #ORDER}. */
  public static List<SshKey> sort(List<SshKey> keys) {
    List<SshKey> out = new ArrayList<>(keys);
    out.sort(ORDER);
    return Collections.unmodifiableList(out);
  }

  /** buildx's de-duplication by id: first position, last value. */
  public static List<SshKey> dedupById(List<SshKey> keys) {
    return Dedup.lastWinsAtFirstPosition(keys, SshKey::id);
  }

  /**
   * What bake prints for a Compose service with {@code build.ssh} entries {@code compose} and
   * x-bake {@code ssh} strings {@code xbake}, step by step as buildx 0.29.1 does it:
   * the Compose list is sorted; x-bake entries are merged in (when the Compose list is empty they
   * are taken as they are, otherwise the concatenation is de-duplicated by id); the result is
   * sorted and de-duplicated by id. So two x-bake entries with the same id keep the one that
   * sorts last, and an x-bake entry replaces a Compose one with the same id.
   */
  public static List<SshKey> forCompose(List<SshKey> compose, List<String> xbake) {
    List<SshKey> t = sort(compose);
    List<SshKey> x = parseAll(xbake);
    if (!x.isEmpty()) {
      List<SshKey> merged;
      if (t.isEmpty()) {
        merged = x;
      } else {
        List<SshKey> all = new ArrayList<>(t);
        all.addAll(x);
        merged = dedupById(all);
      }
      t = sort(merged);
    }
    return dedupById(t);
  }

  /** The object bake prints: {@code id} and {@code paths}, each left out when empty. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!id.isEmpty()) {
      m.put("id", id);
    }
    if (!paths.isEmpty()) {
      m.put("paths", paths);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The flag form: {@code id} or {@code id=path1,path2}. */
  @Override
  public String toString() {
    return paths.isEmpty() ? id : id + "=" + String.join(",", paths);
  }
}
