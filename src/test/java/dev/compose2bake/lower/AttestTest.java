package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttestTest {

  /**
   * Compose sbom / provenance values and buildx 0.29.1's attest list (measured; NONE = absent;
   * research notes §1 and conformance 119, 121, 122).
   */
  @ParameterizedTest(name = "sbom={0} provenance={1} -> {2}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
    "true|true|[{\"type\":\"sbom\"},{\"type\":\"provenance\"}]",
    "false|false|[{\"disabled\":true,\"type\":\"sbom\"},{\"disabled\":true,\"type\":\"provenance\"}]",
    "generator=img|mode=min|[{\"generator\":\"img\",\"type\":\"sbom\"},{\"mode\":\"min\",\"type\":\"provenance\"}]",
    "type=sbom,generator=x|disabled=true|[{\"generator\":\"x\",\"type\":\"sbom\"},{\"disabled\":true,\"type\":\"provenance\"}]",
    "true|NONE|[{\"type\":\"sbom\"}]",
    "NONE|mode=max|[{\"mode\":\"max\",\"type\":\"provenance\"}]",
    "NONE|false|[{\"disabled\":true,\"type\":\"provenance\"}]",
    "false|true|[{\"disabled\":true,\"type\":\"sbom\"},{\"type\":\"provenance\"}]",
    "NONE|max|ERROR: invalid value max",
    "NONE|1|[{\"type\":\"provenance\"}]",
    "NONE|0|[{\"disabled\":true,\"type\":\"provenance\"}]",
    "NONE|T|[{\"type\":\"provenance\"}]",
    "NONE|f|[{\"disabled\":true,\"type\":\"provenance\"}]",
    "NONE|yes|ERROR: invalid value yes",
    "NONE|TRUE|[{\"type\":\"provenance\"}]",
    "NONE|tRUE|ERROR: invalid value tRUE",
    "NONE|disabled=maybe|ERROR: invalid value disabled=maybe: strconv.ParseBool: parsing \"maybe\": invalid syntax",
    "NONE|disabled=false,mode=max|[{\"mode\":\"max\",\"type\":\"provenance\"}]",
    "NONE|MODE=max|[{\"MODE\":\"max\",\"type\":\"provenance\"}]",
    "NONE|' mode=max'|[{\" mode\":\"max\",\"type\":\"provenance\"}]",
    "NONE|Type=sbom|[{\"type\":\"sbom\"}]",
    "generator=a|type=sbom|[{\"type\":\"sbom\"}]",
    "NONE|type=|ERROR: attestation type not specified",
    "NONE|''|NONE",
    "NONE|mode=max,mode=min|[{\"mode\":\"min\",\"type\":\"provenance\"}]",
    "NONE|mode=\"a,b\"|ERROR: parse error on line 1, column 22: bare \" in non-quoted-field",
    "NONE|mode=a\"b|ERROR: parse error on line 1, column 23: bare \" in non-quoted-field",
    "NONE|disabled=true,mode=max|[{\"disabled\":true,\"mode\":\"max\",\"type\":\"provenance\"}]",
    "NONE|disabled= true|ERROR: invalid value disabled= true: strconv.ParseBool: parsing \" true\": invalid syntax",
    "NONE|5|ERROR: invalid value 5",
    "NONE|DISABLED=1|[{\"disabled\":true,\"type\":\"provenance\"}]"})
  void matchesBuildx(String sbom, String provenance, String expected) {
    if (expected != null && expected.startsWith("ERROR: ")) {
      LowerException e = assertThrows(LowerException.class, () -> Attest.forCompose(sbom, provenance));
      assertEquals(expected.substring(7), e.buildxMessage());
      return;
    }
    List<Attest> got = Attest.forCompose(sbom, provenance);
    if (expected == null) {
      assertEquals(List.of(), got);
    } else {
      assertEquals(Json.parse(expected), Json.list(got, Attest::toJson));
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "sbom|true|type=sbom,disabled=false", "provenance|false|type=provenance,disabled=true",
    "provenance|mode=max|type=provenance,mode=max", "sbom|type=sbom,generator=x|type=sbom,type=sbom,generator=x",
    "provenance|max|type=provenance,max", "sbom|1|type=sbom,disabled=false"})
  void canonicalize(String type, String in, String out) {
    assertEquals(out, Attest.canonicalize(type, in));
  }

  @Test
  void canonicalizeEmpty() {
    assertEquals("", Attest.canonicalize("sbom", ""));
  }

  /** bake-file attest strings (bake-file-syntax.md §1.2, §1.9). */
  @Test
  void bakeStrings() {
    assertEquals(Json.parse("[{\"type\":\"sbom\"},{\"mode\":\"max\",\"type\":\"provenance\"}]"),
        Json.list(Attest.parseAttests(List.of("type=sbom", "type=provenance,mode=max")), Attest::toJson));
    LowerException e = assertThrows(LowerException.class, () -> Attest.parse("mode=max"));
    assertEquals("attestation type not specified", e.buildxMessage());
    assertEquals("type=provenance,disabled=true,mode=max", Attest.parse("mode=max,type=provenance,disabled=1").toString());
  }
}
