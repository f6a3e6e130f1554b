package dev.compose2bake.emit;

import java.util.List;

/**
 * The output tree: header comment lines, then blocks in order. A block is a bake
 * {@code variable}, {@code group} or {@code target} with a label and ordered attributes.
 */
public record Document(List<String> header, List<Block> blocks) {

  public record Block(String type, String label, List<Attribute> attributes, List<String> comments) {}

  public record Attribute(String name, Value value) {}
}
