package dev.compose2bake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compose2bake.support.InProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example excerpt is what compose2bake writes for the shipped example, run in its
 * folder: a changed output format or example fails here until the README says the same.
 */
class ReadmeExampleTest {
  private static final String MARKER = "Example: run in `examples/dependent-images`, `compose2bake` writes";

  @Test
  void theReadmeExcerptIsPartOfTheExamplesOutput() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int at = readme.indexOf(MARKER);
    assertTrue(at >= 0, "the README no longer has the line: " + MARKER);
    int start = readme.indexOf("```hcl\n", at) + "```hcl\n".length();
    int end = readme.indexOf("```", start);
    String excerpt = readme.substring(start, end);
    assertTrue(excerpt.contains("target \""), "no target in the excerpt:\n" + excerpt);

    InProcess.Run r = InProcess.run(Path.of("examples/dependent-images").toAbsolutePath(),
        Map.of("HOME", "/home/user"), "");
    assertEquals(0, r.exitCode(), r.stderr());
    assertTrue(r.stdout().contains(excerpt), "the README's excerpt is not in the output:\n" + excerpt
        + "\n--- output:\n" + r.stdout());
  }
}
