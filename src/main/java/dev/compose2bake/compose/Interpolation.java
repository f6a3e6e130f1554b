package dev.compose2bake.compose;

import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.interp.InterpolationException;
import dev.compose2bake.interp.Lookup;
import dev.compose2bake.interp.Template;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interpolates every string value of a Compose document (never a key), as compose-go does before
 * it merges files. Each interpolated scalar keeps its {@link Template}. Nodes shared through YAML
 * aliases are interpolated once.
 */
final class Interpolation {
  private final Lookup env;
  private final Diagnostics diagnostics;
  private final Map<Node, Node> done = new IdentityHashMap<>();
  private final Map<String, Boolean> warnedUnset = new LinkedHashMap<>();

  Interpolation(Lookup env, Diagnostics diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
  }

  Node apply(Node node) {
    Node cached = done.get(node);
    if (cached != null) {
      return cached;
    }
    Node result;
    if (node instanceof MapNode map) {
      LinkedHashMap<String, MapNode.Entry> entries = new LinkedHashMap<>();
      boolean changed = false;
      for (MapNode.Entry e : map.entries()) {
        Node v = apply(e.value());
        changed |= v != e.value();
        entries.put(e.name(), v == e.value() ? e : new MapNode.Entry(e.key(), v));
      }
      result = changed ? new MapNode(entries, map.position(), map.tag()) : map;
    } else if (node instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>(seq.size());
      boolean changed = false;
      for (Node item : seq.items()) {
        Node v = apply(item);
        changed |= v != item;
        items.add(v);
      }
      result = changed ? new SeqNode(items, seq.position(), seq.tag()) : seq;
    } else {
      result = scalar((ScalarNode) node);
    }
    done.put(node, result);
    return result;
  }

  private Node scalar(ScalarNode node) {
    if (!(node.value() instanceof String text) || text.indexOf('$') < 0) {
      return node;
    }
    try {
      Template template = Template.parse(text);
      String value = template.evaluate(env, name -> {
        if (warnedUnset.putIfAbsent(name, Boolean.TRUE) == null) {
          diagnostics.warning(node.position(), "the variable " + name + " is not set; using an empty string",
              "set " + name + " in the environment or in the project's .env file, or give a default: ${"
                  + name + ":-default}");
        }
      });
      return node.withValue(value, template);
    } catch (InterpolationException e) {
      diagnostics.error(node.position(), e.getMessage(), e.hint());
      return node;
    }
  }
}
