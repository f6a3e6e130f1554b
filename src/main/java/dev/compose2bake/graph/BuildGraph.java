package dev.compose2bake.graph;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Build;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.PathText;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.ScalarNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build graph of a bake definition: one node per target, one per external base (a
 * {@code docker-image://} image, or another named context: a folder, a git or HTTP URL, an OCI
 * layout), and an edge from each named context to the target that uses it, labelled with the
 * context's name and, for a target, the reference as it was written ({@code service:base.v1} or
 * {@code target:base}). Nodes and edges come in a fixed order, so the writers' output is
 * deterministic.
 */
public record BuildGraph(List<String> sourceFiles, List<Node> nodes, List<Edge> edges) {

  /** What a node stands for. */
  public enum Kind {
    /** A bake target. */
    TARGET,
    /** An image used as a named context ({@code docker-image://}). */
    IMAGE,
    /** Any other named context: a local folder, a git or HTTP URL, an OCI layout. */
    CONTEXT
  }

  /**
   * A node. {@code key} is unique within the graph: the target name, or the kind and the value of
   * an external base. {@code service} is the Compose service when its name differs from the
   * target's (dots become underscores); {@code byDefault} is false for a target that
   * {@code docker buildx bake} without target names would not build.
   */
  public record Node(String key, Kind kind, String name, String service, boolean byDefault) {}

  /** An edge from the node used ({@code from}) to the target using it ({@code to}). */
  public record Edge(String from, String to, String label) {}

  public static BuildGraph of(BakeProject project, ComposeProject compose) {
    Set<String> byDefault = new HashSet<>();
    for (BakeTarget t : project.builtByDefault()) {
      byDefault.add(t.name());
    }
    List<Node> nodes = new ArrayList<>();
    Map<String, Node> externals = new TreeMap<>();
    List<Edge> edges = new ArrayList<>();
    for (BakeTarget t : project.targets()) {
      String service = t.service() != null && !t.service().equals(t.name()) ? t.service() : null;
      nodes.add(new Node(t.name(), Kind.TARGET, t.name(), service, byDefault.contains(t.name())));
      Map<String, String> written = writtenReferences(compose, t);
      for (Map.Entry<String, Str> c : t.contexts().entrySet()) {
        String value = c.getValue().value();
        if (value.startsWith("target:")) {
          String ref = written.getOrDefault(c.getKey(), value);
          edges.add(new Edge(value.substring("target:".length()), t.name(), c.getKey() + " = " + ref));
          continue;
        }
        Kind kind = value.startsWith("docker-image://") ? Kind.IMAGE : Kind.CONTEXT;
        String key = (kind == Kind.IMAGE ? "image:" : "context:") + value;
        externals.putIfAbsent(key, new Node(key, kind, value, null, true));
        edges.add(new Edge(key, t.name(), c.getKey()));
      }
    }
    List<Node> ext = new ArrayList<>(externals.values());
    ext.sort(Comparator.comparing((Node n) -> n.kind()).thenComparing(Node::name));
    nodes.addAll(ext);
    edges.sort(Comparator.comparing(Edge::to).thenComparing(Edge::label).thenComparing(Edge::from));
    return new BuildGraph(project.sourceFiles(), nodes, edges);
  }

  /**
   * The {@code service:} and {@code target:} references of the target's service as the Compose
   * file wrote them: additional_contexts, and x-bake contexts where additional_contexts has no
   * context of that name (it wins over x-bake, as in buildx).
   */
  private static Map<String, String> writtenReferences(ComposeProject compose, BakeTarget t) {
    Map<String, String> out = new TreeMap<>();
    Service s = t.service() == null ? null : compose.services().get(t.service());
    Build b = s == null ? null : s.build();
    if (b == null) {
      return out;
    }
    if (b.xbake() instanceof MapNode x && x.get("contexts") instanceof MapNode contexts) {
      for (MapNode.Entry e : contexts.entries()) {
        if (e.value() instanceof ScalarNode v && v.isString()) {
          putReference(out, e.name(), v.text());
        }
      }
    }
    for (Map.Entry<String, PathText> e : b.additionalContexts().entrySet()) {
      out.remove(e.getKey());
      putReference(out, e.getKey(), e.getValue().value());
    }
    return out;
  }

  private static void putReference(Map<String, String> out, String name, String value) {
    if (value.startsWith("service:") || value.startsWith("target:")) {
      out.put(name, value);
    }
  }
}
