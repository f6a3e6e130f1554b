package dev.compose2bake.lower;

import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code x-bake} extension of a build section, read and applied as buildx does
 * (bake/compose.go, composeExtTarget): list fields take a list or a whitespace-separated string and
 * are appended to what the build section set; {@code pull} and {@code no-cache} must be real
 * booleans; {@code contexts} must be a mapping and loses to additional_contexts on a conflict.
 * Unknown keys are ignored, as buildx ignores them.
 */
final class XBake {
  private final Diagnostics diags;
  private final PathMapper paths;

  XBake(Diagnostics diags, PathMapper paths) {
    this.diags = diags;
    this.paths = paths;
  }

  void apply(Node node, Path base, BakeTarget.Builder t) {
    if (node instanceof ScalarNode s && s.isNull()) {
      return;
    }
    if (!(node instanceof MapNode x)) {
      diags.error(node.position(), "x-bake must be a mapping, not " + node.kindName(), null);
      return;
    }
    List<Str> tags = strings(x, "tags");
    if (!tags.isEmpty()) {
      t.tags.addAll(tags);
      t.tags = Lowering.dedupe(t.tags);
    }
    t.cacheFrom = mergeCache(t.cacheFrom, x, "cache-from");
    t.cacheTo = mergeCache(t.cacheTo, x, "cache-to");
    List<Str> secrets = strings(x, "secret");
    if (!secrets.isEmpty()) {
      try {
        List<BakeObject> parsed = new ArrayList<>();
        for (BakeObject o : Flags.secrets(values(secrets))) {
          parsed.add(rebase(o, "src", base));
        }
        t.secrets = Flags.mergeById(t.secrets, parsed);
      } catch (FlagException e) {
        diags.error(x.get("secret").position(), "invalid x-bake secret: " + e.getMessage(),
            "write id=NAME,src=PATH or id=NAME,env=VARIABLE");
      }
    }
    List<Str> ssh = strings(x, "ssh");
    if (!ssh.isEmpty()) {
      List<BakeObject> parsed = new ArrayList<>();
      for (BakeObject o : Flags.ssh(values(ssh))) {
        parsed.add(rebasePaths(o, base));
      }
      t.ssh = Flags.sortSsh(Flags.mergeById(t.ssh, parsed));
    }
    List<Str> platforms = strings(x, "platforms");
    for (Str p : platforms) {
      try {
        Flags.validatePlatform(p.value());
      } catch (FlagException e) {
        diags.error(x.get("platforms").position(), e.getMessage(), e.hint());
      }
    }
    if (!platforms.isEmpty()) {
      t.platforms.addAll(platforms);
      t.platforms = Lowering.dedupe(t.platforms);
    }
    List<Str> outputs = strings(x, "output");
    if (!outputs.isEmpty()) {
      try {
        List<BakeObject> all = new ArrayList<>(t.outputs);
        all.addAll(Flags.outputs(values(outputs)));
        t.outputs = Flags.removeDupes(all);
      } catch (FlagException e) {
        diags.error(x.get("output").position(), "invalid x-bake output: " + e.getMessage(),
            "write type=docker, type=registry, or type=local,dest=DIR");
      }
    }
    Boolean pull = bool(x, "pull");
    if (pull != null) {
      t.pull = pull;
    }
    Boolean noCache = bool(x, "no-cache");
    if (noCache != null) {
      t.noCache = noCache;
    }
    List<Str> filter = strings(x, "no-cache-filter");
    if (!filter.isEmpty()) {
      t.noCacheFilter.addAll(filter);
      t.noCacheFilter = Lowering.dedupe(t.noCacheFilter);
    }
    Node contexts = x.get("contexts");
    if (contexts != null && !(contexts instanceof ScalarNode cs && cs.isNull())) {
      if (!(contexts instanceof MapNode cm)) {
        diags.error(contexts.position(), "x-bake contexts must be a mapping of names to contexts, not "
            + contexts.kindName(), "write contexts: {name: docker-image://alpine}");
      } else {
        for (MapNode.Entry e : cm.entries()) {
          if (!(e.value() instanceof ScalarNode v)) {
            diags.error(e.value().position(), "x-bake contexts." + e.name() + " must be a string", null);
            continue;
          }
          String value = v.text();
          Str mapped;
          if (value.startsWith("service:") || value.startsWith("target:")) {
            mapped = Str.of("target:" + TargetNames.sanitize(value.substring(value.indexOf(':') + 1)));
          } else {
            String p = paths.bakePath(value, base);
            mapped = p.equals(value) ? new Str(value, v.template()) : Str.of(p);
          }
          // additional_contexts wins over x-bake contexts on the same name (buildx dedupMap).
          t.contexts.putIfAbsent(e.name(), mapped);
        }
      }
    }
  }

  private List<BakeObject> mergeCache(List<BakeObject> current, MapNode x, String key) {
    List<Str> entries = strings(x, key);
    if (entries.isEmpty()) {
      return current;
    }
    try {
      List<BakeObject> all = new ArrayList<>(current);
      all.addAll(Flags.cacheEntries(values(entries)));
      return Flags.removeDupes(all);
    } catch (FlagException e) {
      diags.error(x.get(key).position(), "invalid x-bake " + key + " entry: " + e.getMessage(),
          "write a registry reference, or type=...,key=value options; in a flow list [a,b] a comma splits entries,"
              + " so quote entries that contain commas");
      return current;
    }
  }

  private BakeObject rebase(BakeObject o, String attr, Path base) {
    String v = o.string(attr);
    if (v == null) {
      return o;
    }
    Map<String, Object> m = new LinkedHashMap<>(o.attributes());
    m.put(attr, Str.of(paths.bakePath(v, base)));
    return new BakeObject(m);
  }

  private BakeObject rebasePaths(BakeObject o, Path base) {
    Object p = o.attributes().get("paths");
    if (!(p instanceof List<?> list)) {
      return o;
    }
    List<Str> out = new ArrayList<>();
    for (Object item : list) {
      out.add(Str.of(paths.bakePath(((Str) item).value(), base)));
    }
    Map<String, Object> m = new LinkedHashMap<>(o.attributes());
    m.put("paths", out);
    return new BakeObject(m);
  }

  /** buildx's stringArray: a list of scalars, or one string split on whitespace. */
  private List<Str> strings(MapNode x, String key) {
    Node n = x.get(key);
    List<Str> out = new ArrayList<>();
    if (n == null || n instanceof ScalarNode s0 && s0.isNull()) {
      return out;
    }
    if (n instanceof ScalarNode s) {
      for (String f : s.text().trim().split("\\s+")) {
        if (!f.isEmpty()) {
          out.add(Str.of(f));
        }
      }
      if (out.size() == 1 && s.text().equals(out.get(0).value())) {
        out.set(0, new Str(s.text(), s.template()));
      }
      return out;
    }
    if (n instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (!(item instanceof ScalarNode s)) {
          diags.error(item.position(), "x-bake " + key + " entries must be strings, not " + item.kindName(), null);
          continue;
        }
        out.add(new Str(s.text(), s.template()));
      }
      return out;
    }
    diags.error(n.position(), "x-bake " + key + " must be a list or a string, not " + n.kindName(), null);
    return out;
  }

  private Boolean bool(MapNode x, String key) {
    Node n = x.get(key);
    if (n == null || n instanceof ScalarNode s0 && s0.isNull()) {
      return null;
    }
    if (n instanceof ScalarNode s && s.value() instanceof Boolean b) {
      return b;
    }
    diags.error(n.position(), "x-bake " + key + " must be true or false, not " + n.kindName()
        + (n instanceof ScalarNode s ? " (" + s.text() + ")" : ""), "write " + key + ": true without quotes");
    return null;
  }

  private static List<String> values(List<Str> in) {
    List<String> out = new ArrayList<>();
    for (Str s : in) {
      out.add(s.value());
    }
    return out;
  }
}
