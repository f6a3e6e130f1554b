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
  private final List<RequiredVariable> required;
  private final boolean keepTemplates;
  private final boolean strictRequired;
  private final Map<Node, Node> done = new IdentityHashMap<>();
  private final Map<String, Boolean> warnedUnset = new LinkedHashMap<>();
  private dev.compose2bake.source.Position current;

  /**
   * @param required receives every required-variable use found
   * @param keepTemplates false when the values must not keep their variables (an included project
   *     with env files of its own, whose variables mean something else than the main project's)
   */
  Interpolation(Lookup env, Diagnostics diagnostics, List<RequiredVariable> required, boolean keepTemplates,
      boolean strictRequired) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.required = required;
    this.keepTemplates = keepTemplates;
    this.strictRequired = strictRequired;
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

  /** compose-go warns about an unset variable; only a resolved snapshot freezes it to "". */
  private void unset(String name) {
    if (strictRequired && warnedUnset.putIfAbsent(name, Boolean.TRUE) == null) {
      diagnostics.warning(current, "the variable " + name + " is not set; using an empty string",
          "set " + name + " in the environment or in the project's .env file, or give a default: ${"
              + name + ":-default}");
    }
  }

  private Node scalar(ScalarNode node) {
    if (!(node.value() instanceof String text) || text.indexOf('$') < 0) {
      return node;
    }
    try {
      Template template = Template.parse(text);
      RequiredVariable.collect(template, node.position(), required);
      String value;
      current = node.position();
      try {
        value = template.evaluate(env, this::unset);
      } catch (InterpolationException e) {
        if (strictRequired || e.kind() != InterpolationException.Kind.MISSING_REQUIRED) {
          throw e;
        }
        // The bake file checks required variables when bake runs; here the value is only a placeholder.
        diagnostics.warning(node.position(), e.variable() + " is required but not set here"
            + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")") + "; the bake file checks it when bake runs",
            e.hint());
        value = template.evaluate(env, this::unset, true);
      }
      return node.withValue(value, keepTemplates ? template : null);
    } catch (InterpolationException e) {
      diagnostics.error(node.position(), e.getMessage(), e.hint());
      return node;
    }
  }
}
