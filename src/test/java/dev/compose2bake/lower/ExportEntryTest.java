package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportEntryTest {

  /** output lists and what buildx 0.29.1 printed (measured with HCL targets). */
  static Stream<Arguments> measured() {
    return Stream.of(
        Arguments.of(List.of("type=docker", "type=docker", "type=image", "type=oci,dest=x"),
            "[{\"type\":\"docker\"},{\"dest\":\"x\",\"type\":\"oci\"},{\"type\":\"image\"}]"),
        Arguments.of(List.of("./out"), "[{\"dest\":\"./out\",\"type\":\"local\"}]"),
        Arguments.of(List.of("-"), "[{\"dest\":\"-\",\"type\":\"tar\"}]"),
        Arguments.of(List.of("type=tar,dest=-"), "[{\"dest\":\"-\",\"type\":\"tar\"}]"),
        Arguments.of(List.of("dest=x"), "[{\"dest\":\"dest=x\",\"type\":\"local\"}]"),
        Arguments.of(List.of("name=x"), "[{\"dest\":\"name=x\",\"type\":\"local\"}]"),
        Arguments.of(List.of("type=local"), "ERROR: dest is required for local exporter"),
        Arguments.of(List.of("type=local,dest=-"), "ERROR: dest cannot be stdout for local exporter"),
        Arguments.of(List.of("type=oci,tar=false"), "ERROR: dest is required for oci exporter"),
        Arguments.of(List.of("type=docker,tar=false"), "ERROR: dest is required for docker exporter"),
        Arguments.of(List.of("type=tar"), "[{\"dest\":\"-\",\"type\":\"tar\"}]"),
        Arguments.of(List.of("type=oci"), "[{\"dest\":\"-\",\"type\":\"oci\"}]"),
        Arguments.of(List.of("type=oci,tar=maybe"), "[{\"dest\":\"-\",\"tar\":\"maybe\",\"type\":\"oci\"}]"),
        Arguments.of(List.of("type=oci,tar=false,dest=d"), "[{\"dest\":\"d\",\"tar\":\"false\",\"type\":\"oci\"}]"),
        Arguments.of(List.of("type=docker"), "[{\"type\":\"docker\"}]"),
        Arguments.of(List.of("type=docker,tar=true"), "[{\"tar\":\"true\",\"type\":\"docker\"}]"),
        Arguments.of(List.of("type=tar", "type=oci"), "ERROR: multiple outputs configured to write to stdout"),
        Arguments.of(List.of("type=tar,dest=-", "type=docker,dest=-"),
            "ERROR: multiple outputs configured to write to stdout"),
        Arguments.of(List.of("type=tar", "type=tar"), "[{\"dest\":\"-\",\"type\":\"tar\"}]"),
        Arguments.of(List.of("type=tar,dest=o.tar"), "[{\"dest\":\"o.tar\",\"type\":\"tar\"}]"),
        Arguments.of(List.of("\"./out\""), "ERROR: invalid value ./out"),
        Arguments.of(List.of("TYPE=image, Name=x,push=true"), "[{\"name\":\"x\",\"push\":\"true\",\"type\":\"image\"}]"),
        Arguments.of(List.of("type=image,dest=x"), "[{\"dest\":\"x\",\"type\":\"image\"}]"),
        Arguments.of(List.of("a,b"), "ERROR: invalid value a"),
        Arguments.of(List.of("type="), "ERROR: type is required for output"),
        Arguments.of(List.of("type=registry"), "[{\"type\":\"registry\"}]"),
        Arguments.of(List.of("type=LOCAL"), "[{\"type\":\"LOCAL\"}]"),
        Arguments.of(List.of("type=cacheonly"), "[{\"type\":\"cacheonly\"}]"),
        Arguments.of(List.of("type=local,dest=out", "type=local,dest=out2"),
            "[{\"dest\":\"out\",\"type\":\"local\"},{\"dest\":\"out2\",\"type\":\"local\"}]"),
        Arguments.of(List.of("type=image,push=true", "./outdir"),
            "[{\"push\":\"true\",\"type\":\"image\"},{\"dest\":\"./outdir\",\"type\":\"local\"}]"));
  }

  @ParameterizedTest
  @MethodSource("measured")
  void matchesBuildx(List<String> in, String expected) {
    if (expected.startsWith("ERROR: ")) {
      LowerException e = assertThrows(LowerException.class, () -> ExportEntry.forCompose(in));
      assertEquals(expected.substring(7), e.buildxMessage());
    } else {
      assertEquals(Json.parse(expected), Json.list(ExportEntry.forCompose(in), ExportEntry::toJson));
    }
  }

  /** Conformance 133 and 134 (x-bake output). */
  @Test
  void conformance() {
    assertEquals(Json.parse("[{\"type\":\"docker\"}]"),
        Json.list(ExportEntry.forCompose(List.of("type=docker")), ExportEntry::toJson));
    assertEquals(Json.parse("[{\"type\":\"registry\"},{\"dest\":\"./out\",\"type\":\"local\"}]"),
        Json.list(ExportEntry.forCompose(List.of("type=registry", "type=local,dest=./out")), ExportEntry::toJson));
    assertEquals(Json.parse("[{\"name\":\"example/c\",\"push\":\"true\",\"type\":\"image\"}]"),
        Json.list(ExportEntry.forCompose(List.of("type=image,name=example/c,push=true")), ExportEntry::toJson));
    LowerException e = assertThrows(LowerException.class, () -> ExportEntry.forCompose(List.of("type=local")));
    assertEquals("dest is required for local exporter", e.buildxMessage());
  }

  @Test
  void parseWithoutValidation() {
    ExportEntry e = ExportEntry.parse("type=local");
    assertEquals("", e.destination());
    assertEquals("type=local", e.toString());
    assertEquals("type=oci,dest=x,tar=false", ExportEntry.parse("type=oci,tar=false,dest=x").toString());
    assertEquals(List.of(), ExportEntry.parseAll(List.of("")));
  }
}
