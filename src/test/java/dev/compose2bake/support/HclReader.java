package dev.compose2bake.support;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Reads an HCL bake file with hcl4j into the same JSON shape as a bake JSON file, to check that our
 * two writers agree. hcl4j does not evaluate templates the way bake does (it rewrites
 * {@code ${...}}, leaves {@code $${} as is and evaluates conditions), so a file with {@code ${} or a
 * variable validation anywhere, or one hcl4j
 * cannot parse (it rejects {@code \\u} escapes), is not compared: {@link #read} returns null.
 */
public final class HclReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HclReader() {}

  public static JsonNode read(String hcl) {
    if (hcl.contains("${") || hcl.contains("validation {")) {
      return null; // templates and validation conditions are expressions hcl4j evaluates its own way
    }
    Map<String, Object> parsed;
    try {
      parsed = new HCLParser().parse(hcl, false);
    } catch (Exception e) {
      return null;
    }
    return JSON.valueToTree(parsed);
  }

  /** The JSON without its {@code "//"} header member, which HCL writes as a comment. */
  public static JsonNode withoutComment(JsonNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove("//");
    return copy;
  }
}
