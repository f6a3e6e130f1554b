package dev.compose2bake.compose;

import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * compose-go's EnforceUnicity: in KEY=VALUE lists (args, labels, tags, environment, ...) a later
 * entry for the same key replaces the earlier one in the earlier one's place. Its indexer also
 * rejects list items that are not strings, which is where buildx's "unexpected type int" errors
 * for {@code args: [1]} and {@code tags: [1]} come from.
 */
final class Unicity {
  private Unicity() {}

  private static final String[] KEY_VALUE = {
    "services.*.build.args", "services.*.build.additional_contexts", "services.*.build.tags",
    "services.*.build.labels", "services.*.annotations", "services.*.cap_add", "services.*.cap_drop",
    "services.*.deploy.labels", "services.*.dns", "services.*.dns_opt", "services.*.dns_search",
    "services.*.environment", "services.*.labels", "services.*.links", "services.*.profiles",
    "services.*.sysctls", "services.*.tmpfs", "networks.*.labels",
  };

  static MapNode apply(MapNode root) {
    return (MapNode) walk(root, TreePath.ROOT);
  }

  private static Node walk(Node node, TreePath path) {
    if (node instanceof MapNode m) {
      if (path.length() > 4) {
        return m; // every indexed path is at most four levels deep
      }
      LinkedHashMap<String, MapNode.Entry> out = null;
      for (MapNode.Entry e : m.entries()) {
        Node v = walk(e.value(), path.next(e.name()));
        if (v != e.value()) {
          if (out == null) {
            out = m.copyEntries();
          }
          out.put(e.name(), new MapNode.Entry(e.key(), v));
        }
      }
      return out == null ? m : new MapNode(out, m.position(), m.tag());
    }
    if (node instanceof SeqNode seq) {
      for (String p : KEY_VALUE) {
        if (path.matches(p)) {
          return dedupe(seq, path, true);
        }
      }
      if (path.matches("services.*.env_file")) {
        return dedupe(seq, path, false);
      }
    }
    return node;
  }

  private static SeqNode dedupe(SeqNode seq, TreePath path, boolean keyValue) {
    List<Node> out = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    int i = 0;
    for (Node item : seq.items()) {
      String key = keyValue ? keyValueKey(item, path, i) : envFileKey(item);
      i++;
      if (key == null) {
        out.add(item);
        continue;
      }
      Integer at = index.get(key);
      if (at != null) {
        out.set(at, item);
      } else {
        index.put(key, out.size());
        out.add(item);
      }
    }
    return out.size() == seq.size() && out.equals(seq.items()) ? seq : new SeqNode(out, seq.position(), seq.tag());
  }

  private static String keyValueKey(Node item, TreePath path, int i) {
    if (!(item instanceof ScalarNode s) || !s.isString()) {
      throw Canonical.fail(item.position(), path + ".[" + i + "]: unexpected type " + Canonical.goType(item),
          "every entry of this list must be a string; quote it: \"" + (item instanceof ScalarNode s2 ? s2.text() : "...")
              + "\"");
    }
    String text = s.text();
    int eq = text.indexOf('=');
    return eq < 0 ? text : text.substring(0, eq);
  }

  private static String envFileKey(Node item) {
    if (item instanceof ScalarNode s && s.isString()) {
      return s.text();
    }
    if (item instanceof MapNode m && m.get("path") instanceof ScalarNode p) {
      return p.text();
    }
    return null;
  }
}
