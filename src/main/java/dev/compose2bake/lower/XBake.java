package dev.compose2bake.lower;

import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.compose.Text;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  private final Lowering lowering;

  XBake(Diagnostics diags, PathMapper paths, Lowering lowering) {
    this.diags = diags;
    this.paths = paths;
    this.lowering = lowering;
  }

  void apply(Node node, Path base, BakeTarget.Builder t, Lowering.Structured st) {
    if (node instanceof ScalarNode s && s.isNull()) {
      return;
    }
    if (!(node instanceof MapNode x)) {
      diags.error(node.position(), "x-bake must be a mapping, not " + node.kindName(), null);
      return;
    }
    List<Text> tags = strings(x, "tags");
    if (!tags.isEmpty()) {
      for (Text tag : tags) {
        t.tags.add(tag.str());
      }
      t.tags = Lowering.dedupe(t.tags);
    }
    st.cacheFrom.addAll(strings(x, "cache-from"));
    st.cacheTo.addAll(strings(x, "cache-to"));
    for (Text secret : strings(x, "secret")) {
      try {
        Secret parsed = Secret.parse(secret.value());
        st.secrets.add(new Secret(parsed.id(), paths.bakePath(parsed.src(), base), parsed.env()));
      } catch (LowerException e) {
        diags.error(secret.position(), "invalid x-bake secret: " + e.buildxMessage(),
            e.hint() == null ? "write id=NAME,src=PATH or id=NAME,env=VARIABLE" : e.hint());
      }
    }
    for (Text ssh : strings(x, "ssh")) {
      try {
        SshKey parsed = SshKey.parse(ssh.value());
        List<String> rebased = new ArrayList<>();
        for (String p : parsed.paths()) {
          rebased.add(paths.bakePath(p, base));
        }
        st.sshXBake.add(new SshKey(parsed.id(), rebased).toString());
      } catch (LowerException e) {
        diags.error(ssh.position(), "invalid x-bake ssh entry: " + e.buildxMessage(), e.hint());
      }
    }
    List<Text> platforms = strings(x, "platforms");
    for (Text p : platforms) {
      try {
        if (lowering.checkable(p)) {
          Platforms.validate(p.value());
        }
      } catch (LowerException e) {
        diags.error(p.position(), "invalid platform: " + e.buildxMessage(), e.hint());
      }
      t.platforms.add(p.str());
    }
    t.platforms = Lowering.dedupe(t.platforms);
    List<Text> outputs = strings(x, "output");
    if (!outputs.isEmpty()) {
      st.outputsPosition = x.get("output").position();
      for (Text o : outputs) {
        st.outputs.add(o.value());
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
    List<Text> filter = strings(x, "no-cache-filter");
    if (!filter.isEmpty()) {
      for (Text f : filter) {
        t.noCacheFilter.add(f.str());
      }
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

  /** buildx's stringArray: a list of scalars, or one string split on whitespace. */
  private List<Text> strings(MapNode x, String key) {
    Node n = x.get(key);
    List<Text> out = new ArrayList<>();
    if (n == null || n instanceof ScalarNode s0 && s0.isNull()) {
      return out;
    }
    if (n instanceof ScalarNode s) {
      for (String f : s.text().trim().split("\\s+")) {
        if (!f.isEmpty()) {
          out.add(new Text(f, null, s.position()));
        }
      }
      if (out.size() == 1 && s.text().equals(out.get(0).value())) {
        out.set(0, new Text(s.text(), s.template(), s.position()));
      } else if (s.template() != null && !s.template().isLiteral()) {
        diags.warning(s.position(), "the variables of x-bake " + key + " are written with their values",
            "a string of several whitespace-separated entries is split when the file is generated; use a list");
      }
      return out;
    }
    if (n instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (!(item instanceof ScalarNode s)) {
          diags.error(item.position(), "x-bake " + key + " entries must be strings, not " + item.kindName(), null);
          continue;
        }
        out.add(new Text(s.text(), s.template(), s.position()));
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

}
