package dev.compose2bake.lower;

import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Placeholder adapter over the buildx value parsers. */
public final class Flags {
  private Flags() {}

  public static List<BakeObject> cacheEntries(List<String> values) throws FlagException {
    List<BakeObject> out = new ArrayList<>();
    for (String v : values) {
      if (v.isEmpty()) {
        continue;
      }
      if (!v.contains("=")) {
        for (String ref : v.split(",")) {
          out.add(BakeObject.ofStrings(Map.of("type", "registry", "ref", ref)));
        }
        continue;
      }
      Map<String, String> attrs = new TreeMap<>();
      for (String f : v.split(",")) {
        int eq = f.indexOf('=');
        if (eq < 0) {
          throw new FlagException("invalid value " + f);
        }
        attrs.put(f.substring(0, eq).toLowerCase(java.util.Locale.ROOT), f.substring(eq + 1));
      }
      if (!attrs.containsKey("type")) {
        throw new FlagException("type required for \"" + v + "\"");
      }
      out.add(BakeObject.ofStrings(attrs));
    }
    return out;
  }

  public static <T> List<T> removeDupes(List<T> in) {
    List<T> s = new ArrayList<>(in);
    for (int i = s.size() - 2; i >= 0; i--) {
      T elem = s.get(i);
      for (int j = i + 1; j < s.size(); j++) {
        if (elem.equals(s.get(j))) {
          s.set(j, s.get(s.size() - 1));
          s.remove(s.size() - 1);
          break;
        }
      }
    }
    return s;
  }

  public static BakeObject composeSecret(String id, String src, String env) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", Str.of(id));
    if (src != null) {
      m.put("src", Str.of(src));
    }
    if (env != null) {
      m.put("env", Str.of(env));
    }
    return new BakeObject(m);
  }

  public static List<BakeObject> secrets(List<String> values) throws FlagException {
    List<BakeObject> out = new ArrayList<>();
    for (String v : values) {
      Map<String, String> attrs = new TreeMap<>();
      for (String f : v.split(",")) {
        int eq = f.indexOf('=');
        String k = eq < 0 ? f : f.substring(0, eq);
        String val = eq < 0 ? "" : f.substring(eq + 1);
        switch (k) {
          case "id", "src", "env" -> attrs.put(k, val);
          case "source" -> attrs.put("src", val);
          case "type" -> { }
          default -> throw new FlagException("unexpected key '" + k + "' in '" + f + "'");
        }
      }
      out.add(BakeObject.ofStrings(attrs));
    }
    return out;
  }

  /** Secrets deduplicated by id: the last entry wins, in the first entry's place. */
  public static List<BakeObject> mergeById(List<BakeObject> a, List<BakeObject> b) {
    LinkedHashMap<String, BakeObject> m = new LinkedHashMap<>();
    for (BakeObject o : a) {
      m.put(o.string("id"), o);
    }
    for (BakeObject o : b) {
      m.put(o.string("id"), o);
    }
    return new ArrayList<>(m.values());
  }

  public static List<BakeObject> ssh(List<String> values) {
    List<BakeObject> out = new ArrayList<>();
    for (String v : values) {
      int eq = v.indexOf('=');
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", Str.of(eq < 0 ? v : v.substring(0, eq)));
      if (eq >= 0) {
        List<Str> paths = new ArrayList<>();
        for (String p : v.substring(eq + 1).split(",")) {
          paths.add(Str.of(p));
        }
        m.put("paths", paths);
      }
      out.add(new BakeObject(m));
    }
    return out;
  }

  public static List<BakeObject> sortSsh(List<BakeObject> in) {
    List<BakeObject> s = new ArrayList<>(in);
    s.sort((x, y) -> x.string("id").compareTo(y.string("id")));
    return s;
  }

  public static List<BakeObject> outputs(List<String> values) throws FlagException {
    List<BakeObject> out = new ArrayList<>();
    for (String v : values) {
      Map<String, String> attrs = new TreeMap<>();
      if (!v.contains(",") && !v.startsWith("type=")) {
        attrs.put("type", v.equals("-") ? "tar" : "local");
        attrs.put("dest", v);
      } else {
        for (String f : v.split(",")) {
          int eq = f.indexOf('=');
          if (eq < 0) {
            throw new FlagException("invalid value " + f);
          }
          attrs.put(f.substring(0, eq).toLowerCase(java.util.Locale.ROOT), f.substring(eq + 1));
        }
      }
      if ("local".equals(attrs.get("type")) && !attrs.containsKey("dest")) {
        throw new FlagException("dest is required for local exporter");
      }
      out.add(BakeObject.ofStrings(attrs));
    }
    return out;
  }

  public static List<BakeObject> attests(String sbom, String provenance) throws FlagException {
    List<BakeObject> out = new ArrayList<>();
    if (sbom != null && !sbom.isEmpty()) {
      out.add(attest("sbom", sbom));
    }
    if (provenance != null && !provenance.isEmpty()) {
      out.add(attest("provenance", provenance));
    }
    return out;
  }

  private static BakeObject attest(String type, String v) throws FlagException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", Str.of(type));
    if (v.equals("false")) {
      m.put("disabled", Boolean.TRUE);
    } else if (!v.equals("true")) {
      for (String f : v.split(",")) {
        int eq = f.indexOf('=');
        if (eq < 0) {
          throw new FlagException("invalid value " + f);
        }
        String k = f.substring(0, eq);
        if (k.equals("type")) {
          continue;
        }
        if (k.equals("disabled")) {
          m.put("disabled", Boolean.parseBoolean(f.substring(eq + 1)));
        } else {
          m.put(k, Str.of(f.substring(eq + 1)));
        }
      }
    }
    return new BakeObject(m);
  }

  public static void validatePlatform(String p) throws FlagException {
    if (p.isEmpty()) {
      throw new FlagException("invalid platform \"\"");
    }
  }

  public static String ulimit(String name, Long single, Long soft, Long hard) throws FlagException {
    if (single != null) {
      return name + "=" + single;
    }
    if (soft > hard) {
      throw new FlagException("ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
    }
    return name + "=" + soft + ":" + hard;
  }
}
