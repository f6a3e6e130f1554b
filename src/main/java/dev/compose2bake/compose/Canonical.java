package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Rewrites short syntaxes into their long form, as compose-go's transform package does after each
 * file is merged: {@code build: ./dir} becomes {@code build: {context: ./dir}}, ssh and
 * additional_contexts lists become mappings, secrets and env_file strings become mappings, and so
 * on. The same pass raises compose-go's transform errors (a null build, an ssh entry without
 * {@code =}, an invalid port, ...), which buildx reports even for fields it otherwise ignores.
 */
final class Canonical {
  private Canonical() {}

  static MapNode apply(MapNode root) {
    LinkedHashMap<String, MapNode.Entry> top = root.copyEntries();
    MapNode.Entry services = top.get("services");
    if (services != null && services.value() instanceof MapNode sm) {
      LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
      for (MapNode.Entry e : sm.entries()) {
        Node svc = e.value();
        if (svc instanceof MapNode m) {
          svc = service(m, TreePath.ROOT.next("services").next(e.name()));
        }
        out.put(e.name(), new MapNode.Entry(e.key(), svc));
      }
      top.put("services", new MapNode.Entry(services.key(), new MapNode(out, sm.position(), sm.tag())));
    }
    return new MapNode(top, root.position(), root.tag());
  }

  private static MapNode service(MapNode svc, TreePath path) {
    LinkedHashMap<String, MapNode.Entry> out = svc.copyEntries();
    replace(out, "build", v -> build(v, path.next("build")));
    replace(out, "env_file", v -> envFile(v, path.next("env_file")));
    replace(out, "extends", v -> v instanceof ScalarNode s && s.isString() ? single("service", s) : v);
    replace(out, "ports", v -> Ports.check(v, path.next("ports")));
    replace(out, "ulimits", v -> ulimits(v, path.next("ulimits")));
    replace(out, "secrets", v -> mounts(v, path.next("secrets"), "service secret"));
    replace(out, "configs", v -> mounts(v, path.next("configs"), "service config"));
    return new MapNode(out, svc.position(), svc.tag());
  }

  private static Node build(Node v, TreePath path) {
    if (v instanceof ScalarNode s && s.isString()) {
      return single("context", s);
    }
    if (!(v instanceof MapNode m)) {
      throw fail(v.position(), path + ": invalid type " + goType(v) + " for build",
          "write build: as a path (build: ./dir) or a mapping (build: {context: ./dir})");
    }
    LinkedHashMap<String, MapNode.Entry> out = m.copyEntries();
    if (!out.containsKey("context")) {
      out.put("context", new MapNode.Entry(ScalarNode.ofString("context", m.position()),
          ScalarNode.ofString(".", m.position())));
    }
    replace(out, "ssh", x -> ssh(x, path.next("ssh")));
    replace(out, "additional_contexts", x -> keyValue(x, path.next("additional_contexts")));
    replace(out, "secrets", x -> mounts(x, path.next("secrets"), "service secret"));
    replace(out, "ulimits", x -> ulimits(x, path.next("ulimits")));
    return new MapNode(out, m.position(), m.tag());
  }

  private static Node ssh(Node v, TreePath path) {
    if (v instanceof MapNode) {
      return v;
    }
    if (!(v instanceof SeqNode seq)) {
      throw fail(v.position(), path + ": invalid type " + goType(v) + " for ssh",
          "write ssh: as a list (- default, - id=path) or a mapping (id: path)");
    }
    LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    for (Node item : seq.items()) {
      if (!(item instanceof ScalarNode s) || !s.isString()) {
        throw fail(item.position(), path + ": invalid ssh key type " + goType(item), "write each entry as id=path or default");
      }
      String text = s.text();
      int eq = text.indexOf('=');
      if (eq < 0) {
        if (!text.equals("default")) {
          throw fail(s.position(), "invalid ssh key \"" + text + "\"",
              "an ssh entry is default, or id=path to a key file or agent socket");
        }
        out.put(text, new MapNode.Entry(s, new ScalarNode(null, true, null, s.position(), null)));
        continue;
      }
      String id = text.substring(0, eq);
      out.put(id, new MapNode.Entry(ScalarNode.ofString(id, s.position()),
          s.withValue(text.substring(eq + 1), s.template() == null ? null : s.template().dropPrefix(eq + 1))));
    }
    return new MapNode(out, seq.position(), seq.tag());
  }

  private static Node keyValue(Node v, TreePath path) {
    if (v instanceof MapNode) {
      return v;
    }
    if (!(v instanceof SeqNode seq)) {
      throw fail(v.position(), path + ": invalid type " + goType(v), "use a mapping (name: value) or a list of name=value");
    }
    LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    for (Node item : seq.items()) {
      String text = item instanceof ScalarNode s ? s.text() : String.valueOf(item);
      int eq = text.indexOf('=');
      if (eq < 0) {
        throw fail(item.position(), path + ": invalid value " + text + ", expected key=value",
            "write each entry as name=value");
      }
      ScalarNode s = (ScalarNode) item;
      String key = text.substring(0, eq);
      out.put(key, new MapNode.Entry(ScalarNode.ofString(key, s.position()),
          s.withValue(text.substring(eq + 1), s.template() == null ? null : s.template().dropPrefix(eq + 1))));
    }
    return new MapNode(out, seq.position(), seq.tag());
  }

  private static Node mounts(Node v, TreePath path, String what) {
    if (!(v instanceof SeqNode seq)) {
      return v;
    }
    List<Node> items = new java.util.ArrayList<>();
    for (Node item : seq.items()) {
      if (item instanceof ScalarNode s && s.isString()) {
        items.add(single("source", s));
      } else if (item instanceof MapNode) {
        items.add(item);
      } else {
        throw fail(item.position(), path + ": invalid type " + goType(item) + " for " + what,
            "write the name of a top-level secret, or a mapping with source:");
      }
    }
    return new SeqNode(items, seq.position(), seq.tag());
  }

  private static Node ulimits(Node v, TreePath path) {
    if (!(v instanceof MapNode m)) {
      return v;
    }
    for (MapNode.Entry e : m.entries()) {
      Node u = e.value();
      boolean ok = u instanceof MapNode || (u instanceof ScalarNode s && s.isInteger());
      if (!ok) {
        throw fail(u.position(), path.next(e.name()) + ": invalid type " + goType(u) + " for ulimits",
            "write a number (nofile: 1024) or soft and hard limits (nofile: {soft: 1024, hard: 2048})");
      }
    }
    return v;
  }

  private static Node envFile(Node v, TreePath path) {
    if (v instanceof ScalarNode s && s.isString()) {
      return new SeqNode(List.of(envFileEntry(s)), s.position(), null);
    }
    if (v instanceof SeqNode seq) {
      List<Node> items = new java.util.ArrayList<>();
      for (Node item : seq.items()) {
        if (item instanceof ScalarNode s && s.isString()) {
          items.add(envFileEntry(s));
        } else if (item instanceof MapNode) {
          items.add(item);
        } else {
          throw fail(item.position(), path + ": invalid type " + goType(item) + " for env_file",
              "write a path, or a mapping with path: and required:");
        }
      }
      return new SeqNode(items, seq.position(), seq.tag());
    }
    return v;
  }

  private static MapNode envFileEntry(ScalarNode s) {
    LinkedHashMap<String, MapNode.Entry> m = new LinkedHashMap<>();
    m.put("path", new MapNode.Entry(ScalarNode.ofString("path", s.position()), s));
    return new MapNode(m, s.position(), null);
  }

  private static MapNode single(String key, ScalarNode value) {
    LinkedHashMap<String, MapNode.Entry> m = new LinkedHashMap<>();
    m.put(key, new MapNode.Entry(ScalarNode.ofString(key, value.position()), value));
    return new MapNode(m, value.position(), null);
  }

  private interface NodeFn {
    Node apply(Node n);
  }

  private static void replace(LinkedHashMap<String, MapNode.Entry> entries, String key, NodeFn fn) {
    MapNode.Entry e = entries.get(key);
    if (e != null) {
      entries.put(key, new MapNode.Entry(e.key(), fn.apply(e.value())));
    }
  }

  static CompileException fail(Position position, String message, String hint) {
    return new CompileException(Diagnostic.error(position, message, hint));
  }

  /** The name Go gives a decoded YAML value's type, as compose-go's messages show it. */
  static String goType(Node n) {
    if (n instanceof MapNode) {
      return "map[string]interface {}";
    }
    if (n instanceof SeqNode) {
      return "[]interface {}";
    }
    Object v = ((ScalarNode) n).value();
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof java.math.BigInteger) {
      return "uint64";
    }
    return "int";
  }
}
