package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshKeyTest {

  private static String json(List<SshKey> keys) {
    return Json.list(keys, SshKey::toJson).toString();
  }

  @Test
  void parse() {
    assertEquals(new SshKey("default", List.of()), SshKey.parse("default"));
    assertEquals(new SshKey("key", List.of("./k1", "./k2")), SshKey.parse("key=./k1,./k2"));
    assertEquals(new SshKey("a", List.of("")), SshKey.parse("a="));
    assertEquals(new SshKey("", List.of("./x")), SshKey.parse("=./x"));
    assertEquals(new SshKey("a", List.of("b=c")), SshKey.parse("a=b=c"));
    assertEquals("{\"id\":\"key\",\"paths\":[\"./k1\",\"./k2\"]}", Json.tree(SshKey.parse("key=./k1,./k2").toJson()).toString());
    assertEquals("{\"id\":\"default\"}", Json.tree(SshKey.parse("default").toJson()).toString());
    assertEquals("key=./k1,./k2", SshKey.parse("key=./k1,./k2").toString());
  }

  /** buildx SSH.Less: by id, then paths element-wise, a prefix first. */
  @Test
  void order() {
    List<SshKey> sorted = SshKey.sort(SshKey.parseAll(List.of("b=./k1", "a", "a=./k2,./k1", "a=./k2", "default", "B")));
    assertEquals(List.of("B", "a", "a=./k2", "a=./k2,./k1", "b=./k1", "default"),
        sorted.stream().map(SshKey::toString).toList());
  }

  /** Measured with HCL ssh lists (no sorting in HCL, de-duplication by id). */
  @Test
  void dedupByIdMeasured() {
    assertEquals("[{\"id\":\"b\",\"paths\":[\"./k2\"]},{\"id\":\"a\"}]",
        json(SshKey.dedupById(SshKey.parseAll(List.of("b=./k1", "a", "b=./k2", "a=./k3", "a")))));
    assertEquals("[{\"id\":\"zz\"},{\"id\":\"a\",\"paths\":[\"./k1\"]},{\"id\":\"m\"}]",
        json(SshKey.dedupById(SshKey.parseAll(List.of("zz=./k1", "a=./k1,./k2", "a=./k1", "zz", "m")))));
  }

  /** Measured with Compose build.ssh + x-bake ssh (compose paths already cleaned by compose-go). */
  @Test
  void composeMeasured() {
    assertEquals("[{\"id\":\"a\",\"paths\":[\"./k2\"]}]",
        json(SshKey.forCompose(List.of(), List.of("a=./k2", "a=./k1"))));
    assertEquals("[{\"id\":\"a\",\"paths\":[\"./k1\"]},{\"id\":\"z\",\"paths\":[\"k1\"]}]",
        json(SshKey.forCompose(List.of(SshKey.fromCompose("z", "k1")), List.of("a=./k2", "a=./k1"))));
    assertEquals("[{\"id\":\"a\",\"paths\":[\"./k1\"]}]",
        json(SshKey.forCompose(List.of(SshKey.fromCompose("a", "k2")), List.of("a=./k1"))));
    assertEquals("[{\"id\":\"a\",\"paths\":[\"k2\"]},{\"id\":\"b\",\"paths\":[\"k1\"]},{\"id\":\"default\"}]",
        json(SshKey.forCompose(List.of(SshKey.fromCompose("b", "k1"), SshKey.fromCompose("a", "k2"),
            SshKey.fromCompose("default", "")), List.of())));
    assertEquals("[{\"id\":\"a\",\"paths\":[\"./k2\",\"./k1\"]},{\"id\":\"b\",\"paths\":[\"./k1\"]}]",
        json(SshKey.forCompose(List.of(), List.of("b=./k1", "a", "a=./k2,./k1", "a=./k2"))));
    assertEquals("[{\"id\":\"c\",\"paths\":[\"./k1\",\"./k2\"]}]",
        json(SshKey.forCompose(List.of(), List.of("c=./k1,./k2", "c=./k1"))));
  }

  /** Conformance 131 and research notes §1 (ssh: [zed=./key2, default, key1=./key1]). */
  @Test
  void conformance() {
    assertEquals("[{\"id\":\"default\"},{\"id\":\"key\",\"paths\":[\"./keys/k1\",\"./keys/k2\"]},"
            + "{\"id\":\"zed\",\"paths\":[\"keys/z\"]}]",
        json(SshKey.forCompose(List.of(SshKey.fromCompose("zed", "keys/z")),
            List.of("default", "key=./keys/k1,./keys/k2"))));
    assertEquals("[{\"id\":\"default\"}]", json(SshKey.forCompose(List.of(), List.of("default"))));
    assertEquals("[{\"id\":\"default\"},{\"id\":\"key1\",\"paths\":[\"key1\"]},{\"id\":\"zed\",\"paths\":[\"key2\"]}]",
        json(SshKey.forCompose(List.of(SshKey.fromCompose("zed", "key2"), SshKey.fromCompose("default", null),
            SshKey.fromCompose("key1", "key1")), List.of())));
  }
}
