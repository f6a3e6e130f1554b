package dev.compose2bake.compose;

import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.util.Objects;

/** Structural helpers over YAML nodes. */
final class Nodes {
  private Nodes() {}

  /** Whether two nodes hold the same value, positions and tags aside (Go's reflect.DeepEqual). */
  static boolean sameValue(Node a, Node b) {
    if (a instanceof ScalarNode x && b instanceof ScalarNode y) {
      return Objects.equals(x.value(), y.value());
    }
    if (a instanceof SeqNode x && b instanceof SeqNode y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameValue(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof MapNode x && b instanceof MapNode y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (MapNode.Entry e : x.entries()) {
        Node other = y.get(e.name());
        if (other == null || !sameValue(e.value(), other)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
