package dev.compose2bake.compose;

import dev.compose2bake.lower.PathMapper;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Re-bases the relative paths of a file that was written relative to another folder (an extended
 * or included file) so that they are relative to the project directory, as compose-go's
 * ResolveRelativePaths does for those files: build contexts, additional contexts, ssh keys,
 * env_file paths, extends files and top-level secret files.
 */
final class Rebase {
  private final Path from;
  private final Path projectDir;

  private Rebase(Path from, Path projectDir) {
    this.from = from;
    this.projectDir = projectDir;
  }

  static MapNode apply(MapNode model, Path from, Path projectDir) {
    if (from.normalize().equals(projectDir.normalize())) {
      return model;
    }
    return new Rebase(from, projectDir).model(model);
  }

  private MapNode model(MapNode model) {
    LinkedHashMap<String, MapNode.Entry> top = model.copyEntries();
    edit(top, "services", services -> eachValue(services, this::service));
    edit(top, "secrets", secrets -> eachValue(secrets, s -> s instanceof MapNode m ? field(m, "file", this::path) : s));
    return new MapNode(top, model.position(), model.tag());
  }

  private Node service(Node svc) {
    if (!(svc instanceof MapNode m)) {
      return svc;
    }
    LinkedHashMap<String, MapNode.Entry> out = m.copyEntries();
    edit(out, "build", b -> b instanceof MapNode bm ? build(bm) : b instanceof ScalarNode s ? context(s) : b);
    edit(out, "env_file", e -> e instanceof SeqNode seq ? eachItem(seq, i -> i instanceof MapNode im
        ? field(im, "path", this::path) : i instanceof ScalarNode s ? path(s) : i) : e instanceof ScalarNode s ? path(s) : e);
    edit(out, "extends", e -> e instanceof MapNode em ? field(em, "file", this::path) : e);
    return new MapNode(out, m.position(), m.tag());
  }

  private Node build(MapNode b) {
    LinkedHashMap<String, MapNode.Entry> out = b.copyEntries();
    edit(out, "context", this::context);
    edit(out, "additional_contexts", c -> c instanceof MapNode cm ? eachValue(cm, this::context) : c);
    edit(out, "ssh", s -> s instanceof MapNode sm ? eachValue(sm, v -> v instanceof ScalarNode vs && !vs.isNull()
        ? path(vs) : v) : s);
    return new MapNode(out, b.position(), b.tag());
  }

  private Node context(Node n) {
    if (!(n instanceof ScalarNode s) || !s.isString()) {
      return n;
    }
    String v = s.text();
    if (v.isEmpty() || v.startsWith("service:") || v.startsWith("target:") || PathMapper.isRemote(v)) {
      return n;
    }
    return path(n);
  }

  private Node path(Node n) {
    if (!(n instanceof ScalarNode s) || !s.isString()) {
      return n;
    }
    String v = s.text();
    if (v.isEmpty() || v.startsWith("~") || Path.of(v).isAbsolute()) {
      return n;
    }
    String rel = projectDir.relativize(from.resolve(v).normalize()).toString();
    return s.withValue(rel.isEmpty() ? "." : rel, null);
  }

  private interface Edit {
    Node apply(Node n);
  }

  private static void edit(LinkedHashMap<String, MapNode.Entry> entries, String key, Edit edit) {
    MapNode.Entry e = entries.get(key);
    if (e != null) {
      entries.put(key, new MapNode.Entry(e.key(), edit.apply(e.value())));
    }
  }

  private static Node field(MapNode m, String key, Edit edit) {
    LinkedHashMap<String, MapNode.Entry> out = m.copyEntries();
    edit(out, key, edit);
    return new MapNode(out, m.position(), m.tag());
  }

  private static Node eachValue(Node n, Edit edit) {
    if (!(n instanceof MapNode m)) {
      return n;
    }
    LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    for (MapNode.Entry e : m.entries()) {
      out.put(e.name(), new MapNode.Entry(e.key(), edit.apply(e.value())));
    }
    return new MapNode(out, m.position(), m.tag());
  }

  private static Node eachItem(SeqNode seq, Edit edit) {
    List<Node> items = new ArrayList<>();
    for (Node i : seq.items()) {
      items.add(edit.apply(i));
    }
    return new SeqNode(items, seq.position(), seq.tag());
  }
}
