package dev.compose2bake.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link BuildGraph} as a Mermaid flowchart (GitHub and GitLab render it inside a
 * {@code ```mermaid} block): targets as rectangles (dashed when bake builds them only when asked
 * by name), images as stadiums, other contexts as subroutine boxes; arrows point from what is used
 * to what uses it. Node ids are {@code t1, t2, ...} and {@code x1, ...} in the graph's order, so
 * any target name or path is safe.
 */
public final class MermaidWriter {

  public String write(BuildGraph g) {
    Map<String, String> ids = new HashMap<>();
    int targets = 0;
    int externals = 0;
    StringBuilder b = new StringBuilder();
    b.append("%% Build graph of ").append(String.join(", ", g.sourceFiles()))
        .append(", written by compose2bake graph. Arrows point from what is used to what uses it.\n");
    b.append("flowchart LR\n");
    StringBuilder optional = new StringBuilder();
    for (BuildGraph.Node n : g.nodes()) {
      String id = n.kind() == BuildGraph.Kind.TARGET ? "t" + (++targets) : "x" + (++externals);
      ids.put(n.key(), id);
      String text = text(n);
      b.append("  ").append(id);
      switch (n.kind()) {
        case TARGET -> b.append("[\"").append(text).append("\"]");
        case IMAGE -> b.append("([\"").append(text).append("\"])");
        case CONTEXT -> b.append("[[\"").append(text).append("\"]]");
      }
      b.append('\n');
      if (n.kind() == BuildGraph.Kind.TARGET && !n.byDefault()) {
        optional.append(optional.length() == 0 ? "" : ",").append(id);
      }
    }
    for (BuildGraph.Edge e : g.edges()) {
      b.append("  ").append(ids.get(e.from())).append(" -->|\"").append(escape(e.label())).append("\"| ")
          .append(ids.get(e.to())).append('\n');
    }
    if (optional.length() > 0) {
      b.append("  classDef optional stroke-dasharray: 5 5\n");
      b.append("  class ").append(optional).append(" optional\n");
    }
    return b.toString();
  }

  private static String text(BuildGraph.Node n) {
    StringBuilder t = new StringBuilder(escape(n.name()));
    if (n.service() != null) {
      t.append("<br/>service ").append(escape(n.service()));
    }
    if (!n.byDefault()) {
      t.append("<br/>not in the default group");
    }
    return t.toString();
  }

  /** Mermaid's numeric entity codes for the characters that would end or break a quoted label. */
  private static String escape(String s) {
    return s.replace("#", "#35;").replace("&", "#38;").replace("\"", "#34;").replace("<", "#60;").replace(">", "#62;")
        .replace("\n", " ");
  }
}
