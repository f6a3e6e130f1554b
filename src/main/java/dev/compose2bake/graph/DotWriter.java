package dev.compose2bake.graph;

/**
 * Writes a {@link BuildGraph} in Graphviz DOT ({@code dot -Tsvg graph.dot > graph.svg}): targets
 * as boxes (dashed when bake builds them only when asked by name), images as ellipses, other
 * contexts as folders; arrows point from what is used to what uses it.
 */
public final class DotWriter {

  public String write(BuildGraph g) {
    StringBuilder b = new StringBuilder();
    b.append("// Build graph of ").append(String.join(", ", g.sourceFiles()))
        .append(", written by compose2bake graph. Arrows point from what is used to what uses it.\n");
    b.append("digraph bake {\n");
    b.append("  rankdir=LR;\n");
    b.append("  node [shape=box];\n");
    for (BuildGraph.Node n : g.nodes()) {
      b.append("  ").append(id(n.key())).append(" [label=").append(label(n));
      switch (n.kind()) {
        case IMAGE -> b.append(", shape=ellipse");
        case CONTEXT -> b.append(", shape=folder");
        case TARGET -> {
          if (!n.byDefault()) {
            b.append(", style=dashed");
          }
        }
      }
      b.append("];\n");
    }
    for (BuildGraph.Edge e : g.edges()) {
      b.append("  ").append(id(e.from())).append(" -> ").append(id(e.to()))
          .append(" [label=").append(id(e.label())).append("];\n");
    }
    return b.append("}\n").toString();
  }

  private static String label(BuildGraph.Node n) {
    StringBuilder l = new StringBuilder(escape(n.name()));
    if (n.service() != null) {
      l.append("\\nservice ").append(escape(n.service()));
    }
    if (!n.byDefault()) {
      l.append("\\nnot in the default group");
    }
    return "\"" + l + "\"";
  }

  /** A DOT quoted string. */
  private static String id(String s) {
    return "\"" + escape(s) + "\"";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
