package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoUnitsTest {

  /**
   * {@code shm_size:} values (YAML, quoted = string) and what buildx 0.29.1 printed for the
   * {@code shm-size} key; {@code <none>} = key absent, {@code ERROR: } = the first error line.
   * Measured with docker buildx bake --print (research notes §1 and exp-shm plus this session).
   */
  static final String MEASURED = """
      "64m"\t64MiB
      "64mb"\t64MiB
      "64M"\t64MiB
      "2g"\t2GiB
      "1gb"\t1GiB
      "1.5g"\t1.5GiB
      "100b"\t100B
      "1024k"\t1MiB
      "10t"\t10TiB
      "1000"\t1000B
      "two gigs"\tERROR: strconv.ParseFloat: parsing "two": invalid syntax
      "-1"\tERROR: invalid size: '-1'
      "1.5"\t1B
      "1_000"\t1000B
      "1e3"\t1000B
      "0x1p4"\t16B
      " 5"\tERROR: strconv.ParseFloat: parsing " 5": invalid syntax
      "5 "\t5B
      "5 m"\t5MiB
      "5  m"\tERROR: strconv.ParseFloat: parsing "5 ": invalid syntax
      "5kib"\t5KiB
      "5KiB"\t5KiB
      "5kb"\t5KiB
      "5mib"\t5MiB
      "5k b"\tERROR: strconv.ParseFloat: parsing "5k": invalid syntax
      "5x"\tERROR: invalid suffix: 'x'
      "5kbb"\tERROR: invalid suffix: 'kbb'
      "5bb"\tERROR: invalid suffix: 'bb'
      "5ki"\tERROR: invalid suffix: 'ki'
      "abc"\tERROR: invalid size: 'abc'
      "inf"\tERROR: invalid size: 'inf'
      "1e400"\tERROR: strconv.ParseFloat: parsing "1e400": value out of range
      "10000000t"\t<none>
      "8e18"\tERROR: invalid value 6.939EiB for membytes key shm-size
      "9e18"\tERROR: invalid value 7.806EiB for membytes key shm-size
      "1p"\t1PiB
      "8191p"\tERROR: invalid value 7.999EiB for membytes key shm-size
      "8192p"\t<none>
      "0.5k"\t512B
      "1.001k"\t1.001KiB
      "5e-1k"\t512B
      "+5"\t5B
      "5."\t5B
      ".5k"\t512B
      "0"\t<none>
      -1\t<none>
      -5\t<none>
      0\t<none>
      5\t5B
      67108864\t64MiB
      "67108864"\t64MiB
      9223372036854775807\tERROR: invalid value 8EiB for membytes key shm-size
      "1023"\t1023B
      "1025"\t1.001KiB
      "1000000"\t976.6KiB
      "123456789"\t117.7MiB
      "100000"\t97.66KiB
      "1048575"\t1024KiB
      "1048577"\t1MiB
      "1099511627775"\t1024GiB
      "4611686018427387904"\tERROR: invalid value 4EiB for membytes key shm-size
      "1.5k"\t1.5KiB
      """;

  static Stream<Arguments> measured() {
    return Arrays.stream(MEASURED.split("\n")).filter(l -> !l.isBlank())
        .map(l -> l.split("\t", 2)).map(p -> Arguments.of(p[0], p[1]));
  }

  /** buildx's pipeline: compose-go reads the size, bake prints BytesSize, then re-reads it. */
  static String buildxShm(String yaml) {
    long bytes;
    try {
      bytes = yaml.startsWith("\"") ? GoUnits.ramInBytes(yaml.substring(1, yaml.length() - 1))
          : Long.parseLong(yaml);
    } catch (LowerException e) {
      return "ERROR: " + e.buildxMessage();
    }
    if (bytes <= 0) {
      return "<none>";
    }
    String printed = GoUnits.bytesSize((double) bytes);
    try {
      GoUnits.ramInBytes(printed);
    } catch (LowerException e) {
      return "ERROR: invalid value " + printed + " for membytes key shm-size";
    }
    return printed;
  }

  @ParameterizedTest(name = "shm_size: {0} -> {1}")
  @MethodSource("measured")
  void matchesBuildx(String yaml, String expected) {
    assertEquals(expected, buildxShm(yaml));
  }

  @ParameterizedTest(name = "ramInBytes({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
    "64m|67108864", "64mb|67108864", "64M|67108864", "64MiB|67108864", "2g|2147483648", "1.5g|1610612736",
    "100b|100", "1024k|1048576", "10t|10995116277760", "1p|1125899906842624", "0|0", "1.9|1",
    "117.7MiB|123417395", "976.6KiB|1000038", "1.001KiB|1025"})
  void ramInBytes(String in, long bytes) {
    assertEquals(bytes, GoUnits.ramInBytes(in));
  }

  @Test
  void fromHumanSizeIsDecimal() {
    assertEquals(64_000_000L, GoUnits.fromHumanSize("64m"));
    assertEquals(1_500L, GoUnits.fromHumanSize("1.5kB"));
  }

  @ParameterizedTest(name = "bytesSize({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
    "67108864|64MiB", "100000|97.66KiB", "1000000|976.6KiB", "123456789|117.7MiB", "1025|1.001KiB",
    "1023|1023B", "2147483648|2GiB", "1610612736|1.5GiB", "0|0B", "1|1B", "1024|1KiB", "1048575|1024KiB",
    "1099511627775|1024GiB", "1152921504606846976|1EiB", "1180591620717411303424|1ZiB",
    "1208925819614629174706176|1YiB", "1237940039285380274899124224|1024YiB", "1536|1.5KiB",
    "1126|1.1KiB", "10239|9.999KiB", "10240|10KiB", "1535|1.499KiB"})
  void bytesSize(double size, String expected) {
    assertEquals(expected, GoUnits.bytesSize(size));
  }

  /** Conformance cases 089 and 091 (c2b-expected.json) and the round-trip rule. */
  @ParameterizedTest(name = "exactShmSize({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
    "67108864|64MiB", "1000000|1000000", "123456789|123456789", "1023|1023B", "1025|1.001KiB",
    "2147483648|2GiB", "1610612736|1.5GiB", "100|100B", "1048576|1MiB", "100000|100000",
    "8000000000000000000|8000000000000000000", "1152921504606846976|1152921504606846976",
    "1125899906842624|1PiB"})
  void exactShmSize(long bytes, String expected) {
    assertEquals(expected, GoUnits.exactShmSize(bytes));
  }

  @Test
  void exactShmSizeAlwaysReadsBack() {
    for (long b = 1; b < 5000; b++) {
      assertEquals(b, GoUnits.ramInBytes(GoUnits.exactShmSize(b)), "bytes " + b);
    }
    // bake reads shm-size through a float64, so only values up to 2^53 can be exact.
    for (long b = 1; b <= (1L << 53); b = b * 3 + 1) {
      String s = GoUnits.exactShmSize(b);
      assertEquals(b, GoUnits.ramInBytes(s), "bytes " + b + " as " + s);
    }
    long big = 25015772549499853L;
    assertEquals("25015772549499853", GoUnits.exactShmSize(big));
    assertEquals(25015772549499852L, GoUnits.ramInBytes("25015772549499853"));
  }

  @Test
  void sizeErrorsHaveHints() {
    LowerException e = assertThrows(LowerException.class, () -> GoUnits.ramInBytes("two gigs"));
    assertEquals("strconv.ParseFloat: parsing \"two\": invalid syntax", e.buildxMessage());
    assertTrue(e.getMessage().contains("hint"));
    e = assertThrows(LowerException.class, () -> GoUnits.ramInBytes("5XYZW"));
    assertEquals("invalid suffix: 'XYZW'", e.buildxMessage());
    e = assertThrows(LowerException.class, () -> GoUnits.ramInBytes("1EiB"));
    assertEquals("invalid suffix: 'eib'", e.buildxMessage());
  }

  // ---------------------------------------------------------------- ulimits

  /** Compose long-form ulimits and buildx's result (measured; 109 and 112 are conformance cases). */
  @ParameterizedTest(name = "{0}: soft {1} hard {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
    "nofile|20000|40000|nofile=20000:40000",
    "nofile|1024|2048|nofile=1024:2048",
    "nproc|100|100|nproc=100:100",
    "core|0|0|core=0:0",
    "memlock|-1|-1|memlock=-1:-1",
    "memlock|100|-1|memlock=100:-1",
    "memlock|-5|-3|memlock=-5:-3",
    "rttime|1|2|rttime=1:2",
    "memlock|-1|100|ERROR: ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 100",
    "nofile|4096|1024|ERROR: ulimit soft limit must be less than or equal to hard limit: 4096 > 1024",
    "nofile|10|5|ERROR: ulimit soft limit must be less than or equal to hard limit: 10 > 5",
    "as|1|2|ERROR: invalid ulimit type: as",
    "NOFILE|1|2|ERROR: invalid ulimit type: NOFILE",
    "notalimit|5|5|ERROR: invalid ulimit type: notalimit"})
  void composeLongForm(String name, long soft, long hard, String expected) {
    String got;
    try {
      got = GoUnits.parseUlimit(name, soft, hard).render();
    } catch (LowerException e) {
      got = "ERROR: " + e.buildxMessage();
    }
    assertEquals(expected, got);
  }

  @Test
  void allGoUnitsNamesAccepted() {
    for (String n : new String[] {"core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice",
        "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack"}) {
      assertEquals(n + "=1:1", GoUnits.parseUlimit(n, 1, 1).render());
    }
    assertEquals(15, GoUnits.ulimitNames().size());
  }

  /** Conformance 107 and 110 (c2b-expected.json): the short form keeps its value. */
  @Test
  void singleValueKeepsValue() {
    assertEquals("nofile=1024", GoUnits.singleUlimit("nofile", 1024).render());
    assertEquals("nofile=2048", GoUnits.singleUlimit("nofile", 2048).render());
    assertEquals("nproc=100", GoUnits.singleUlimit("nproc", 100).render());
    assertEquals("nproc=100:100", GoUnits.singleUlimit("nproc", 100).goString());
    assertEquals("memlock=-1", GoUnits.singleUlimit("memlock", -1).render());
    assertThrows(LowerException.class, () -> GoUnits.singleUlimit("bogus", 1));
  }

  /** bake-style strings through go-units ParseUlimit (measured with HCL ulimits). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "nofile=infinity|ERROR: strconv.ParseInt: parsing \"infinity\": invalid syntax",
    "nofile=1:infinity|ERROR: strconv.ParseInt: parsing \"infinity\": invalid syntax",
    "nofile=1:2:3|ERROR: too many limit value arguments - 1:2:3, can only have up to two, `soft[:hard]`",
    "nofile|ERROR: invalid ulimit argument: nofile",
    "nofile=x|ERROR: strconv.ParseInt: parsing \"x\": invalid syntax",
    "nofile=-1:5|ERROR: ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 5",
    "nofile=+5|nofile=5:5",
    "nofile=5|nofile=5:5",
    "nproc=-1|nproc=-1:-1",
    "nofile=1024:2048|nofile=1024:2048",
    "nofile=99999999999999999999|ERROR: strconv.ParseInt: parsing \"99999999999999999999\": value out of range",
    "bogus=1|ERROR: invalid ulimit type: bogus"})
  void parseSpec(String spec, String expected) {
    String got;
    try {
      got = GoUnits.parseUlimit(spec).goString();
    } catch (LowerException e) {
      got = "ERROR: " + e.buildxMessage();
    }
    assertEquals(expected, got);
  }

  @Test
  void specWithoutHardIsSingle() {
    Ulimit u = GoUnits.parseUlimit("nofile=5");
    assertTrue(u.single());
    assertEquals("nofile=5", u.render());
    assertFalse(GoUnits.parseUlimit("nofile=5:5").single());
  }
}
