package dev.compose2bake.lower;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeGroup;
import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bake files named with {@code -f} next to the Compose files ({@code -f compose.yaml -f
 * docker-bake.hcl}), as buildx allows: their targets are merged over the Compose targets with
 * bake's own merge rules (Target.Merge: maps by key, cache-from, secrets, ssh, attest, ulimits and
 * the like appended, everything else replaced), and their groups are added. They are read with
 * hcl4j, so only literal values are supported: a file with variables, functions, {@code inherits}
 * or {@code matrix} is refused with a message saying so.
 */
public final class BakeFiles {
  private final Diagnostics diags;

  public BakeFiles(Diagnostics diags) {
    this.diags = diags;
  }

  /** The result of applying the bake files: targets (sorted by name) and extra groups. */
  public record Applied(List<BakeTarget> targets, List<BakeGroup> groups) {}

  public Applied apply(List<SourceFile> files, List<BakeTarget> composeTargets) {
    Map<String, BakeTarget> targets = new TreeMap<>();
    for (BakeTarget t : composeTargets) {
      targets.put(t.name(), t);
    }
    Map<String, BakeGroup> groups = new LinkedHashMap<>();
    for (SourceFile f : files) {
      Map<String, Object> parsed = parse(f);
      if (parsed == null) {
        continue;
      }
      for (Map.Entry<String, Object> block : parsed.entrySet()) {
        switch (block.getKey()) {
          case "target" -> forEachBody(f, block.getValue(), (name, body) -> {
            BakeTarget.Builder b = builder(targets.get(name), name, f);
            merge(f, name, body, b);
            targets.put(name, b.build());
          });
          case "group" -> forEachBody(f, block.getValue(), (name, body) -> {
            Object t = body.get("targets");
            List<String> names = new ArrayList<>();
            if (t instanceof List<?> l) {
              for (Object o : l) {
                names.add(String.valueOf(o));
              }
            }
            groups.put(name, new BakeGroup(name, body.get("description") instanceof String d ? d : null, names));
          });
          default -> diags.error(Position.ofFile(f), "\"" + block.getKey() + "\" blocks of bake files given with -f are"
              + " not supported", "only target and group blocks with literal values can be merged into the output");
        }
      }
    }
    return new Applied(new ArrayList<>(targets.values()), new ArrayList<>(groups.values()));
  }

  private Map<String, Object> parse(SourceFile f) {
    String text = f.text();
    if (text.replace("$${", "").contains("${") || text.replace("%%{", "").contains("%{")) {
      diags.error(Position.ofFile(f), "bake files given with -f must use literal values only",
          "variables, functions and template directives cannot be carried into the output; inline their values");
      return null;
    }
    try {
      return new HCLParser().parse(text, false);
    } catch (Exception e) {
      diags.error(Position.ofFile(f), "cannot read the bake file: " + e.getMessage(), null);
      return null;
    }
  }

  private interface BodyAction {
    void apply(String name, Map<String, Object> body);
  }

  @SuppressWarnings("unchecked")
  private void forEachBody(SourceFile f, Object blocks, BodyAction action) {
    if (!(blocks instanceof Map<?, ?> byName)) {
      return;
    }
    for (Map.Entry<?, ?> e : byName.entrySet()) {
      String name = String.valueOf(e.getKey());
      Object v = e.getValue();
      List<Object> bodies = v instanceof List<?> l ? (List<Object>) l : List.of(v);
      for (Object body : bodies) {
        if (body instanceof Map<?, ?> m) {
          action.apply(name, (Map<String, Object>) m);
        }
      }
    }
  }

  private static BakeTarget.Builder builder(BakeTarget t, String name, SourceFile f) {
    BakeTarget.Builder b = new BakeTarget.Builder();
    b.name = name;
    if (t == null) {
      b.origin = Position.ofFile(f);
      return b;
    }
    b.service = t.service();
    b.origin = t.origin();
    b.context = t.context();
    b.contexts.putAll(t.contexts());
    b.dockerfile = t.dockerfile();
    b.dockerfileInline = t.dockerfileInline();
    b.args.putAll(t.args());
    b.labels.putAll(t.labels());
    b.tags = new ArrayList<>(t.tags());
    b.cacheFrom = new ArrayList<>(t.cacheFrom());
    b.cacheTo = new ArrayList<>(t.cacheTo());
    b.target = t.target();
    b.secrets = new ArrayList<>(t.secrets());
    b.ssh = new ArrayList<>(t.ssh());
    b.platforms = new ArrayList<>(t.platforms());
    b.outputs = new ArrayList<>(t.outputs());
    b.pull = t.pull();
    b.noCache = t.noCache();
    b.network = t.network();
    b.noCacheFilter = new ArrayList<>(t.noCacheFilter());
    b.shmSize = t.shmSize();
    b.ulimits = new ArrayList<>(t.ulimits());
    b.entitlements = new ArrayList<>(t.entitlements());
    b.extraHosts.putAll(t.extraHosts());
    b.attest = new ArrayList<>(t.attest());
    return b;
  }

  /** buildx's Target.Merge of one target body over what is there. */
  private void merge(SourceFile f, String name, Map<String, Object> body, BakeTarget.Builder t) {
    for (Map.Entry<String, Object> e : body.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        continue;
      }
      try {
        switch (e.getKey()) {
          case "context" -> t.context = str(v);
          case "dockerfile" -> t.dockerfile = str(v);
          case "dockerfile-inline" -> t.dockerfileInline = str(v);
          case "target" -> t.target = str(v);
          case "network" -> t.network = str(v);
          case "shm-size" -> t.shmSize = str(v);
          case "pull" -> t.pull = bool(v);
          case "no-cache" -> t.noCache = bool(v);
          case "args" -> map(v, t.args);
          case "labels" -> map(v, t.labels);
          case "contexts" -> map(v, t.contexts);
          case "extra-hosts" -> map(v, t.extraHosts);
          case "tags" -> t.tags = strings(v);
          case "platforms" -> t.platforms = strings(v);
          case "no-cache-filter" -> t.noCacheFilter.addAll(strings(v));
          case "ulimits" -> t.ulimits.addAll(strings(v));
          case "entitlements" -> t.entitlements.addAll(strings(v));
          case "cache-from" -> {
            List<BakeObject> all = new ArrayList<>(t.cacheFrom);
            all.addAll(cache(v));
            t.cacheFrom = Dedup.removeDupes(all);
          }
          case "cache-to" -> t.cacheTo = cache(v);
          case "output" -> t.outputs = BakeObjects.of(ExportEntry.parseAll(csv(v)), ExportEntry::toJson);
          case "secret" -> {
            List<BakeObject> all = new ArrayList<>(t.secrets);
            all.addAll(BakeObjects.of(Secret.parseAll(csv(v)), Secret::toJson));
            t.secrets = Dedup.lastWinsAtFirstPosition(all, o -> o.string("id"));
          }
          case "ssh" -> {
            List<BakeObject> all = new ArrayList<>(t.ssh);
            all.addAll(BakeObjects.of(SshKey.parseAll(sshStrings(v)), SshKey::toJson));
            t.ssh = Dedup.lastWinsAtFirstPosition(all, o -> o.string("id"));
          }
          case "attest" -> {
            List<BakeObject> all = new ArrayList<>(t.attest);
            all.addAll(BakeObjects.of(Attest.parseAttests(csv(v)), Attest::toJson));
            t.attest = Dedup.lastWinsAtFirstPosition(all, o -> o.string("type"));
          }
          case "description" -> { }
          default -> diags.error(Position.ofFile(f), "target \"" + name + "\": the attribute " + e.getKey()
              + " of a bake file given with -f is not supported", "inline it, or convert without the bake file");
        }
      } catch (LowerException | IllegalArgumentException ex) {
        diags.error(Position.ofFile(f), "target \"" + name + "\": invalid " + e.getKey() + ": " + ex.getMessage(), null);
      }
    }
  }

  private static Str str(Object v) {
    if (v instanceof Double d) {
      return Str.of(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString());
    }
    if (v instanceof String || v instanceof Boolean) {
      return Str.of(v.toString());
    }
    throw new IllegalArgumentException("a string is required");
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean((String) v);
    }
    throw new IllegalArgumentException("a bool is required");
  }

  private static void map(Object v, Map<String, Str> into) {
    if (!(v instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("a map is required");
    }
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getValue() != null) {
        into.put(String.valueOf(e.getKey()), str(e.getValue()));
      }
    }
  }

  private static List<Str> strings(Object v) {
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("a list is required");
    }
    List<Str> out = new ArrayList<>();
    for (Object o : l) {
      if (o != null && !"".equals(o)) {
        out.add(str(o));
      }
    }
    return out;
  }

  /** List items as CSV strings: an object item {@code {type = "gha"}} becomes {@code type=gha}. */
  private static List<String> csv(Object v) {
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("a list is required");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (o instanceof Map<?, ?> m) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
          Object val = e.getValue() instanceof List<?> vl ? String.join(",", vl.stream().map(String::valueOf).toList())
              : e.getValue();
          String field = e.getKey() + "=" + str(val).value();
          fields.add(field.contains(",") ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
        }
        out.add(String.join(",", fields));
      } else if (o != null) {
        out.add(str(o).value());
      }
    }
    return out;
  }

  /** ssh items as flags: {@code {id = "k", paths = ["a"]}} becomes {@code k=a}. */
  private static List<String> sshStrings(Object v) {
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("a list is required");
    }
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      if (o instanceof Map<?, ?> m) {
        String id = String.valueOf(m.get("id"));
        Object paths = m.get("paths");
        out.add(paths instanceof List<?> pl && !pl.isEmpty()
            ? id + "=" + String.join(",", pl.stream().map(String::valueOf).toList()) : id);
      } else if (o != null) {
        out.add(str(o).value());
      }
    }
    return out;
  }

  private static List<BakeObject> cache(Object v) {
    return BakeObjects.of(CacheEntry.parseCacheEntries(csv(v)), CacheEntry::toJson);
  }
}
