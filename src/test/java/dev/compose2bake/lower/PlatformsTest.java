package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformsTest {

  private static final String OS_RE = "\"^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.%-]*)((?:\\\\+[A-Za-z0-9_.%-]+)*)\\\\))?$\"";

  /** Accepted by buildx 0.29.1 (measured: printed unchanged). */
  @ParameterizedTest
  @ValueSource(strings = {"linux/amd64", "Linux/AMD64", "linux", "amd64", "x86_64", "macos", "macos/arm64", "local",
    "LOCAL", "linux/amd64,linux/arm64", "windows(10.0.17763)/amd64", "windows(10.0+win32k)/amd64",
    "windows(10%2B)/amd64", "freebsd", "hurd", "zos", "ios", "loong64", "riscv", "wasm", "amd64p32", "aix", "nacl",
    "js", "armhf", "armel", "i386", "aarch64", "arm", "ARM64", "sparc64", "mips64p32le", "plan9", "linux/arm/7",
    "linux/a.b_c-d", "l/a/v", "linux/arm64/v8", "linux/arm/v7"})
  void accepted(String p) {
    Platforms.validate(p);
  }

  /** Refused by buildx 0.29.1 (measured; the first ERROR line). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "not/a/valid/platform/x|\"platform/x\" is an invalid component of \"not/a/valid/platform/x\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument",
    "bogus|\"bogus\": unknown operating system or architecture: invalid argument",
    "wasip1|\"wasip1\": unknown operating system or architecture: invalid argument",
    "linux/arm64/v8/extra|\"linux/arm64/v8/extra\": cannot parse platform specifier: invalid argument",
    "linux/*|\"linux/*\": wildcards not yet supported: invalid argument",
    "linux/|\"\" is an invalid component of \"linux/\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument",
    "linux//v7|\"\" is an invalid component of \"linux//v7\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument",
    "linux/am d64|\"am d64\" is an invalid component of \"linux/am d64\": platform specifier component must match \"^[A-Za-z0-9_.-]+$\": invalid argument",
    "windows(%zz)/amd64|\"windows(%zz)/amd64\" has an invalid OS version \"%zz\": invalid URL escape \"%zz\""})
  void refused(String p, String message) {
    LowerException e = assertThrows(LowerException.class, () -> Platforms.validate(p));
    assertEquals(message, e.buildxMessage());
  }

  /** OS component errors quote containerd's regular expression (measured). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "linux/amd64,|\"\" is an invalid OS component of \"\"",
    ",|\"\" is an invalid OS component of \"\"",
    "/amd64|\"\" is an invalid OS component of \"/amd64\"",
    "win dows/amd64|\"win dows\" is an invalid OS component of \"win dows/amd64\"",
    "linux(x/amd64|\"linux(x\" is an invalid OS component of \"linux(x/amd64\"",
    "linux.x/amd64|\"linux.x\" is an invalid OS component of \"linux.x/amd64\""})
  void refusedOs(String p, String start) {
    LowerException e = assertThrows(LowerException.class, () -> Platforms.validate(p));
    assertEquals(start + ": OSAndVersion specifier component must match " + OS_RE + ": invalid argument",
        e.buildxMessage());
  }

  @Test
  void emptyEntriesAreDroppedBeforeValidation() {
    Platforms.validateAll(List.of("", "linux/amd64"));
    assertThrows(LowerException.class, () -> Platforms.validateAll(List.of("linux/amd64", "bogus")));
  }

  /** Conformance 113 and research notes §1: order kept, duplicates and empties dropped, spelling kept. */
  @Test
  void dedup() {
    assertEquals(List.of("linux/amd64", "linux/arm64/v8"),
        Platforms.dedup(List.of("linux/amd64", "linux/arm64/v8", "linux/amd64")));
    assertEquals(List.of("linux/amd64", "linux/arm/v7"),
        Platforms.dedup(List.of("linux/amd64", "linux/amd64", "linux/arm/v7")));
    assertEquals(List.of("Linux/AMD64", "linux/amd64"), Platforms.dedup(List.of("Linux/AMD64", "", "linux/amd64")));
  }
}
