package dev.compose2bake.source;

import java.util.Collections;
import java.util.List;

/** A YAML sequence, in document order. Treated as immutable once built. */
public final class SeqNode implements Node {
  private final List<Node> items;
  private final Position position;
  private final String tag;
  private final long expandedSize;

  public SeqNode(List<Node> items, Position position, String tag) {
    this.items = items;
    this.position = position;
    this.tag = tag;
    long size = 1;
    for (Node n : items) {
      size = Node.addSizes(size, n.expandedSize());
    }
    this.expandedSize = size;
  }

  public List<Node> items() {
    return Collections.unmodifiableList(items);
  }

  public int size() {
    return items.size();
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public String tag() {
    return tag;
  }

  @Override
  public long expandedSize() {
    return expandedSize;
  }

  @Override
  public SeqNode withTag(String newTag) {
    return new SeqNode(items, position, newTag);
  }

  @Override
  public String kindName() {
    return "a list";
  }

  @Override
  public String toString() {
    return "SeqNode" + items;
  }
}
