package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code build.extra_hosts} as compose-go reads it ({@code types.HostsList}) and bake prints it
 * ({@code "extra-hosts": {"host": "ip1,ip2"}}).
 *
 * <p>List form: each entry is split at the first {@code =}, or else at the first {@code :}
 * ({@code v6colon:::1} is host {@code v6colon}, address {@code ::1}); the address part is split at
 * commas; entries for the same host accumulate (duplicates kept). Map form: a string value is one
 * address (not split at commas), a list value several. In both forms an address wrapped in
 * {@code [...]} loses the brackets, and a host name must be non-empty and free of {@code :} and
 * {@code =}.
 *
 * @param hosts addresses per host, hosts in Go's sorted order
 */
public record ExtraHosts(SortedMap<String, List<String>> hosts) {

  /** Copies the map and lists. */
  public ExtraHosts {
    TreeMap<String, List<String>> copy = new TreeMap<>(GoStrconv.BYTE_ORDER);
    hosts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    hosts = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Parses the list form ({@code host:ip}, {@code host=ip}, {@code host=ip1,ip2}).
   *
   * @throws LowerException {@code invalid additional host, missing IP: nohostip} or
   *     {@code bad host name 'h:1.2.3.4'}
   */
  public static ExtraHosts parseList(List<String> entries) {
    TreeMap<String, List<String>> list = new TreeMap<>(GoStrconv.BYTE_ORDER);
    for (String s : entries) {
      int cut = s.indexOf('=');
      if (cut < 0) {
        cut = s.indexOf(':');
      }
      if (cut < 0) {
        throw new LowerException("invalid additional host, missing IP: " + s,
            "write host:ip or host=ip, e.g. " + (s.isEmpty() ? "myhost" : s) + "=10.0.0.1");
      }
      String host = s.substring(0, cut);
      List<String> ips = List.of(s.substring(cut + 1).split(",", -1));
      list.computeIfAbsent(host, k -> new ArrayList<>()).addAll(ips);
    }
    return cleanup(list);
  }

  /**
   * Parses the map form: each value is a String (one address) or a List of Strings.
   *
   * @throws LowerException {@code bad host name 'a:b'}, or when a value is neither (buildx's
   *     schema check: {@code must be a string})
   */
  public static ExtraHosts parseMap(Map<String, ?> map) {
    TreeMap<String, List<String>> list = new TreeMap<>(GoStrconv.BYTE_ORDER);
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object v = e.getValue();
      if (v instanceof String s) {
        list.put(e.getKey(), new ArrayList<>(List.of(s)));
      } else if (v instanceof List<?> l) {
        List<String> ips = new ArrayList<>();
        for (Object o : l) {
          if (!(o instanceof String str)) {
            throw notString(e.getKey());
          }
          ips.add(str);
        }
        list.put(e.getKey(), ips);
      } else {
        throw notString(e.getKey());
      }
    }
    return cleanup(list);
  }

  private static LowerException notString(String host) {
    return new LowerException("extra_hosts." + host + " must be a string",
        "give the address as a string or a list of strings");
  }

  private static ExtraHosts cleanup(TreeMap<String, List<String>> list) {
    for (Map.Entry<String, List<String>> e : list.entrySet()) {
      String host = e.getKey();
      if (host.isEmpty() || host.contains(":") || host.contains("=")) {
        throw new LowerException("bad host name '" + host + "'",
            "the host name comes first and cannot contain ':' or '='");
      }
      List<String> ips = e.getValue();
      for (int i = 0; i < ips.size(); i++) {
        String ip = ips.get(i);
        if (ip.length() > 2 && ip.charAt(0) == '[' && ip.charAt(ip.length() - 1) == ']') {
          ips.set(i, ip.substring(1, ip.length() - 1));
        }
      }
    }
    return new ExtraHosts(list);
  }

  /** What bake prints: the addresses of each host joined with commas. */
  public SortedMap<String, String> joined() {
    TreeMap<String, String> m = new TreeMap<>(GoStrconv.BYTE_ORDER);
    hosts.forEach((k, v) -> m.put(k, String.join(",", v)));
    return Collections.unmodifiableSortedMap(m);
  }
}
