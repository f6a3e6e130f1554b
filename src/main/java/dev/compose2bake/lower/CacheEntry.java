package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One {@code cache-from} / {@code cache-to} entry as bake prints it: an object with {@code type}
 * and the other attributes, e.g. {@code {"ref":"user/app:cache","type":"registry"}}.
 *
 * <p>Parsing follows buildx {@code buildflags.ParseCacheEntry}: a value without {@code =} is a
 * comma-separated list of registry references, each its own entry; otherwise the value is one CSV
 * record of {@code key=value} fields with keys lower-cased and {@code type} required. Empty values
 * are skipped. Paths ({@code src}, {@code dest}) are kept verbatim.
 *
 * @param type the cache backend ({@code registry}, {@code local}, {@code gha}, ...)
 * @param attrs the other attributes, keys lower-cased, sorted as Go sorts them
 */
public record CacheEntry(String type, SortedMap<String, String> attrs) {

  /** Copies {@code attrs} into an unmodifiable, byte-ordered map. */
  public CacheEntry {
    TreeMap<String, String> copy = new TreeMap<>(GoStrconv.BYTE_ORDER);
    copy.putAll(attrs);
    attrs = Collections.unmodifiableSortedMap(copy);
  }

  /** A registry cache for {@code ref}. */
  public static CacheEntry registry(String ref) {
    TreeMap<String, String> attrs = new TreeMap<>();
    attrs.put("ref", ref);
    return new CacheEntry("registry", attrs);
  }

  /**
   * Parses one entry (buildx {@code CacheOptionsEntry.UnmarshalText}): a single CSV field without
   * {@code =} is a registry reference; otherwise every field must be {@code key=value}.
   *
   * @throws LowerException {@code type required form> "src=./x"}, {@code invalid value X},
   *     {@code EOF} for an empty value, or a CSV error
   */
  public static CacheEntry parse(String text) {
    List<String> fields = Csv.fields(text);
    if (fields.size() == 1 && !fields.get(0).contains("=")) {
      return registry(fields.get(0));
    }
    String type = "";
    TreeMap<String, String> attrs = new TreeMap<>(GoStrconv.BYTE_ORDER);
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new LowerException("invalid value " + field,
            "every field of a cache entry must be key=value, e.g. type=registry,ref=user/app:cache");
      }
      String key = GoStrconv.toLower(field.substring(0, eq));
      String value = field.substring(eq + 1);
      if (key.equals("type")) {
        type = value;
      } else {
        attrs.put(key, value);
      }
    }
    if (type.isEmpty()) {
      throw new LowerException("type required form> " + GoStrconv.quote(text),
          "add type=..., e.g. type=local,src=./cache or type=registry,ref=user/app:cache");
    }
    return new CacheEntry(type, attrs);
  }

  /**
   * buildx {@code ParseCacheEntry} over a list, in order, without de-duplication. Empty strings
   * are skipped; {@code "a,b"} gives two registry entries.
   */
  public static List<CacheEntry> parseCacheEntries(List<String> in) {
    List<CacheEntry> out = new ArrayList<>();
    for (String s : in) {
      if (s.isEmpty()) {
        continue;
      }
      if (s.indexOf('=') < 0) {
        for (String field : Csv.fields(s)) {
          if (field.isEmpty()) {
            // buildx parses the empty reference and fails with a bare "EOF"
            throw new LowerException("EOF", "remove the empty reference from the list " + GoStrconv.quote(s));
          }
          out.add(parse(field));
        }
        continue;
      }
      out.add(parse(s));
    }
    return Collections.unmodifiableList(out);
  }

  /** buildx's de-duplication of cache entries; see {@link Dedup#removeDupes}. */
  public static List<CacheEntry> removeDupes(List<CacheEntry> entries) {
    return Dedup.removeDupes(entries);
  }

  /**
   * What bake prints for a Compose service: the {@code cache_from} (or {@code cache_to}) entries
   * followed by the x-bake ones, de-duplicated once with {@link #removeDupes}.
   */
  public static List<CacheEntry> forCompose(List<String> compose, List<String> xbake) {
    List<CacheEntry> all = new ArrayList<>(parseCacheEntries(compose));
    all.addAll(parseCacheEntries(xbake));
    return removeDupes(all);
  }

  /** The object bake prints: the attributes plus {@code type}, keys sorted. */
  public SortedMap<String, Object> toJson() {
    TreeMap<String, Object> m = new TreeMap<>(GoStrconv.BYTE_ORDER);
    m.putAll(attrs);
    m.put("type", type);
    return Collections.unmodifiableSortedMap(m);
  }

  /** The CSV form buildx writes back: a bare reference for a plain registry entry. */
  @Override
  public String toString() {
    if (type.equals("registry") && attrs.size() == 1 && attrs.containsKey("ref")) {
      return attrs.get("ref");
    }
    StringBuilder sb = new StringBuilder();
    if (!type.isEmpty()) {
      sb.append("type=").append(type);
    }
    attrs.forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
    return sb.toString();
  }
}
