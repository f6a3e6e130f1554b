package dev.compose2bake.emit;

import java.util.List;

/**
 * The output tree: header comment lines, then blocks in order. A block is a bake
 * {@code variable}, {@code group} or {@code target} with a label, ordered attributes, nested
 * blocks (a variable's {@code validation}) and comment lines.
 */
public record Document(List<String> header, List<Block> blocks) {

  public record Block(String type, String label, List<Attribute> attributes, List<Block> blocks,
      List<String> comments) {
    public Block(String type, String label, List<Attribute> attributes, List<String> comments) {
      this(type, label, attributes, List.of(), comments);
    }
  }

  public record Attribute(String name, Value value) {}
}
