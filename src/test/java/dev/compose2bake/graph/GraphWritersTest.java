package dev.compose2bake.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the golden graphs do not show: characters that would break a DOT or Mermaid label. */
class GraphWritersTest {
  private static final BuildGraph ODD = new BuildGraph(List.of("a \"b\".yaml"), List.of(
      new BuildGraph.Node("app", BuildGraph.Kind.TARGET, "app", "app.v\"1\"", true),
      new BuildGraph.Node("context:../a \"b\" <c> #d\\e", BuildGraph.Kind.CONTEXT, "../a \"b\" <c> #d\\e", null, true)),
      List.of(new BuildGraph.Edge("context:../a \"b\" <c> #d\\e", "app", "x&y")));

  @Test
  void dotEscapesQuotesAndBackslashes() {
    assertEquals("""
        // Build graph of a "b".yaml, written by compose2bake graph. Arrows point from what is used to what uses it.
        digraph bake {
          rankdir=LR;
          node [shape=box];
          "app" [label="app\\nservice app.v\\"1\\""];
          "context:../a \\"b\\" <c> #d\\\\e" [label="../a \\"b\\" <c> #d\\\\e", shape=folder];
          "context:../a \\"b\\" <c> #d\\\\e" -> "app" [label="x&y"];
        }
        """, new DotWriter().write(ODD));
  }

  @Test
  void mermaidUsesEntityCodesAndOwnIds() {
    assertEquals("""
        %% Build graph of a "b".yaml, written by compose2bake graph. Arrows point from what is used to what uses it.
        flowchart LR
          t1["app<br/>service app.v#34;1#34;"]
          x1[["../a #34;b#34; #60;c#62; #35;d\\e"]]
          x1 -->|"x#38;y"| t1
        """, new MermaidWriter().write(ODD));
  }
}
