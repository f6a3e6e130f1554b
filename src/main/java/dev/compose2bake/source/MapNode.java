package dev.compose2bake.source;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping with string keys, in document order. Treated as immutable once built. */
public final class MapNode implements Node {

  /** One key and its value; the key keeps its own position for messages about the key. */
  public record Entry(ScalarNode key, Node value) {
    public String name() {
      return key.text();
    }
  }

  private final Map<String, Entry> entries;
  private final Position position;
  private final String tag;
  private final long expandedSize;

  public MapNode(Map<String, Entry> entries, Position position, String tag) {
    this.entries = entries;
    this.position = position;
    this.tag = tag;
    long size = 1;
    for (Entry e : entries.values()) {
      size = Node.addSizes(size, Node.addSizes(1, e.value().expandedSize()));
    }
    this.expandedSize = size;
  }

  public static MapNode empty(Position position) {
    return new MapNode(new LinkedHashMap<>(), position, null);
  }

  public Node get(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  public Entry entry(String key) {
    return entries.get(key);
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Collection<Entry> entries() {
    return Collections.unmodifiableCollection(entries.values());
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** A mutable copy of the entries, for building a changed map. */
  public LinkedHashMap<String, Entry> copyEntries() {
    return new LinkedHashMap<>(entries);
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
  public MapNode withTag(String newTag) {
    return new MapNode(entries, position, newTag);
  }

  @Override
  public String kindName() {
    return "a mapping";
  }

  @Override
  public String toString() {
    return "MapNode" + entries.keySet();
  }
}
