package dev.compose2bake.bake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The buildx command line that {@code build} runs and {@code build --dry-run} prints. */
class BakeInvocationTest {
  private static final BakeInvocation.Options NONE = new BakeInvocation.Options(false, false, false, List.of(), null,
      null, false, false, List.of());

  @Test
  void readsTheDefinitionFromStandardInput() {
    BakeInvocation i = BakeInvocation.of(NONE, List.of(), "{}\n");
    assertEquals(List.of("buildx", "bake", "--file", "-"), i.arguments());
    assertEquals("docker buildx bake --file - <<'EOF'\n{}\nEOF\n", i.render());
  }

  @Test
  void computedEntitlementsFirstThenTheUsersOnesOnce() {
    BakeInvocation.Options o = new BakeInvocation.Options(false, false, false, List.of(), null, null, false, false,
        List.of("fs.write=/tmp/out", "network.host"));
    BakeInvocation i = BakeInvocation.of(o, List.of("network.host", "fs.read=../shared"), "{}");
    assertEquals(List.of("network.host", "fs.read=../shared", "fs.write=/tmp/out"), i.allowed());
    assertEquals(List.of("buildx", "bake", "--file", "-", "--allow", "network.host", "--allow", "fs.read=../shared",
        "--allow", "fs.write=/tmp/out"), i.arguments());
  }

  @Test
  void everyOptionPassedThrough() {
    BakeInvocation.Options o = new BakeInvocation.Options(true, true, true, List.of("*.platform=linux/arm64",
        "app.args.X=a b"), "ci builder", "plain", true, true, List.of());
    BakeInvocation i = BakeInvocation.of(o, List.of(), "{}\n");
    assertEquals(List.of("buildx", "bake", "--file", "-", "--builder", "ci builder", "--progress", "plain", "--print",
        "--load", "--push", "--no-cache", "--pull", "--set", "*.platform=linux/arm64", "--set", "app.args.X=a b"),
        i.arguments());
    assertEquals("docker buildx bake --file - --builder 'ci builder' --progress plain --print --load --push"
        + " --no-cache --pull --set '*.platform=linux/arm64' --set 'app.args.X=a b' <<'EOF'\n{}\nEOF\n", i.render());
  }

  @Test
  void quotingForTheShell() {
    assertEquals("fs.read=../a", BakeInvocation.quote("fs.read=../a"));
    assertEquals("''", BakeInvocation.quote(""));
    assertEquals("'it'\\''s'", BakeInvocation.quote("it's"));
    assertEquals("'$HOME'", BakeInvocation.quote("$HOME"));
  }
}
