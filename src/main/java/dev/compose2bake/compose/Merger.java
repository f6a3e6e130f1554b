package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.interp.Template;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Merges one Compose document over another with the rules of compose-go's override package
 * (Compose specification, "Merge and override"): mappings merge key by key, sequences are
 * appended, scalars are replaced, and a few fields have rules of their own (build short syntax,
 * key=value lists, command and entrypoint replaced, ...).
 */
final class Merger {
  private Merger() {}

  /** Fields written as a mapping or a KEY=VALUE list: both sides become lists, then are appended. */
  private static final String[] TO_SEQUENCE = {
    "services.*.build.args", "services.*.build.additional_contexts", "services.*.build.extra_hosts",
    "services.*.build.labels", "services.*.annotations", "services.*.deploy.labels", "services.*.dns",
    "services.*.dns_opt", "services.*.dns_search", "services.*.env_file", "services.*.label_file",
    "services.*.environment", "services.*.extra_hosts", "services.*.labels", "services.*.sysctls",
    "services.*.tmpfs", "networks.*.labels", "volumes.*.labels",
  };

  private static final String[] OVERRIDE = {
    "services.*.command", "services.*.entrypoint", "services.*.healthcheck.test",
  };

  static Node merge(Node base, Node over, TreePath path) {
    if (path.matches("services.*.build")) {
      return mergeMappings(buildAsMap(base), buildAsMap(over), path);
    }
    for (String p : TO_SEQUENCE) {
      if (path.matches(p)) {
        return appendSequences(asSequence(base), asSequence(over), over);
      }
    }
    for (String p : OVERRIDE) {
      if (path.matches(p)) {
        return over;
      }
    }
    if (path.matches("services.*.depends_on") || path.matches("services.*.networks")) {
      return mergeMappings(keysAsMap(base), keysAsMap(over), path);
    }
    if (path.matches("services.*.ulimits.*")) {
      return over;
    }
    if (over instanceof ScalarNode s && s.isNull()) {
      return base;
    }
    if (base instanceof MapNode bm) {
      if (!(over instanceof MapNode om)) {
        throw cannotOverride(path, over);
      }
      return mergeMappings(bm, om, path);
    }
    if (base instanceof SeqNode bs) {
      if (!(over instanceof SeqNode os)) {
        throw cannotOverride(path, over);
      }
      return appendSequences(bs, os, over);
    }
    return over;
  }

  static MapNode mergeMappings(MapNode base, MapNode over, TreePath path) {
    if (base == null) {
      return over;
    }
    if (over == null) {
      return base;
    }
    LinkedHashMap<String, MapNode.Entry> entries = base.copyEntries();
    for (MapNode.Entry e : over.entries()) {
      MapNode.Entry existing = entries.get(e.name());
      if (existing == null) {
        entries.put(e.name(), e);
      } else {
        Node merged = merge(existing.value(), e.value(), path.next(e.name()));
        entries.put(e.name(), new MapNode.Entry(existing.key(), merged));
      }
    }
    return new MapNode(entries, base.position(), base.tag());
  }

  private static CompileException cannotOverride(TreePath path, Node over) {
    return new CompileException(Diagnostic.error(over.position(),
        "cannot merge " + path + ": this file gives " + over.kindName()
            + " where an earlier file gives a value of another kind",
        "write the field in the same form (list or mapping) in every file, or replace it with !override"));
  }

  private static MapNode buildAsMap(Node n) {
    if (n instanceof ScalarNode s && s.value() instanceof String) {
      LinkedHashMap<String, MapNode.Entry> m = new LinkedHashMap<>();
      m.put("context", new MapNode.Entry(ScalarNode.ofString("context", s.position()), s));
      return new MapNode(m, s.position(), null);
    }
    return n instanceof MapNode m ? m : null;
  }

  private static MapNode keysAsMap(Node n) {
    if (n instanceof SeqNode seq) {
      LinkedHashMap<String, MapNode.Entry> m = new LinkedHashMap<>();
      for (Node item : seq.items()) {
        if (item instanceof ScalarNode s) {
          m.put(s.text(), new MapNode.Entry(s, new ScalarNode(null, true, null, s.position(), null)));
        }
      }
      return new MapNode(m, seq.position(), null);
    }
    return n instanceof MapNode m ? m : null;
  }

  /**
   * compose-go's convertIntoSequence: a mapping becomes sorted {@code key=value} strings ({@code key}
   * alone for a null value), a list stays, a string becomes a one-item list.
   */
  static List<Node> asSequence(Node n) {
    List<Node> out = new ArrayList<>();
    if (n instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        Node v = e.value();
        if (v instanceof ScalarNode s && s.isNull()) {
          out.add(ScalarNode.ofString(e.name(), e.key().position()));
        } else if (v instanceof ScalarNode s) {
          Template t = s.template() == null ? null : s.template().prefixed(e.name() + "=");
          out.add(new ScalarNode(e.name() + "=" + s.text(), false, t, s.position(), null));
        } else {
          out.add(ScalarNode.ofString(e.name() + "=" + v, v.position()));
        }
      }
      out.sort((a, b) -> ((ScalarNode) a).text().compareTo(((ScalarNode) b).text()));
    } else if (n instanceof SeqNode s) {
      out.addAll(s.items());
    } else if (n instanceof ScalarNode s && s.value() instanceof String) {
      out.add(s);
    }
    return out;
  }

  private static SeqNode appendSequences(SeqNode base, SeqNode over, Node position) {
    List<Node> items = new ArrayList<>(base.items());
    items.addAll(over.items());
    return new SeqNode(items, base.position(), null);
  }

  private static SeqNode appendSequences(List<Node> base, List<Node> over, Node position) {
    List<Node> items = new ArrayList<>(base);
    items.addAll(over);
    return new SeqNode(items, position.position(), null);
  }
}
