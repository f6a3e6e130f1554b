package dev.compose2bake.gocompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GoYamlScalarTest {

  /**
   * Plain scalars written as build.args map values and what buildx 0.29.1 printed for them
   * (measured with docker buildx bake --print; {@code <null>} = the arg was dropped as unset).
   */
  static final String MEASURED = """
      1.10	1.1
      0x1F	31
      0o17	15
      010	8
      true	true
      yes	yes
      1e3	1000
      12345678901234567890	12345678901234567890
      42	42
      1_000	1000
      -0	0
      +12	12
      0X1f	31
      0O17	15
      0b101	5
      0B101	5
      -0b101	-5
      -0o17	-15
      08	8
      09.5	9.5
      -12345678901234567890	-1.2345678901234567e+19
      99999999999999999999	1e+20
      0xFFFFFFFFFFFFFFFF	18446744073709551615
      0x10000000000000000	0x10000000000000000
      -0.0	-0
      .5	0.5
      -.5	-0.5
      +.5	0.5
      .1_0	0.1
      1.	1
      1e400	1e400
      -1e400	-1e400
      .inf	+Inf
      -.Inf	-Inf
      +.INF	+Inf
      .nan	NaN
      .NaN	NaN
      1000000	1000000
      123456	123456
      1234567.0	1.234567e+06
      0.0001	0.0001
      0.00001	1e-05
      1e-7	1e-07
      1.5e300	1.5e+300
      True	true
      TRUE	true
      tRue	tRue
      False	false
      on	on
      off	off
      y	y
      n	n
      ~	<null>
      Null	<null>
      NULL	<null>
      nULL	nULL
      1_	1
      1__0	10
      _1	_1
      0_7	7
      07_7	63
      1:20	1:20
      1.2.3	1.2.3
      1e3_0	1e+30
      1_0e3	10000
      0x_1F	31
      0x1_F	31
      -0x1F	-31
      +0x1F	31
      9223372036854775807	9223372036854775807
      9223372036854775808	9223372036854775808
      -9223372036854775808	-9223372036854775808
      -9223372036854775809	-9.223372036854776e+18
      18446744073709551615	18446744073709551615
      18446744073709551616	1.8446744073709552e+19
      0.1	0.1
      100000000000000000000000	1e+23
      1E3	1000
      1e+3	1000
      1.5E-3	0.0015
      0e0	0
      0.0	0
      00	0
      0777777777777777777777	9223372036854775807
      01777777777777777777777	18446744073709551615
      -010	-8
      +010	8
      0o	0o
      0x	0x
      0b	0b
      .	.
      ..	..
      +	+
      1e	1e
      1e+	1e+
      3.14159265358979323846	3.141592653589793
      2.5e-5	2.5e-05
      123456789012345678	123456789012345678
      1234567890123456789012	1.2345678901234568e+21
      0b-101	-5
      0b+101	5
      0o-17	-15
      0o+17	15
      +18446744073709551615	1.8446744073709552e+19
      -0x8000000000000000	-9223372036854775808
      -0x8000000000000001	-0x8000000000000001
      0x8000000000000000	9223372036854775808
      ._5	._5
      .5_	.5_
      .5e-3_0	5e-31
      1_000.5	1000.5
      1e1_0	1e+10
      +0	0
      -0o0	0
      0.1e-320	1e-321
      1e-400	0
      4.9e-324	5e-324
      2.2250738585072014e-308	2.2250738585072014e-308
      1.7976931348623157e308	1.7976931348623157e+308
      1.7976931348623159e308	1.7976931348623159e308
      123456789.123456789	1.2345678912345679e+08
      0.000123	0.000123
      100	100
      1e6	1e+06
      1e21	1e+21
      1e20	1e+20
      5e-324	5e-324
      0.1234567890123456789	0.12345678901234568
      -1	-1
      -1.5	-1.5
      +1.5e+3	1500
      1E+03	1000
      0xAbC	2748
      0o8	0o8
      0b2	0b2
      1e-5	1e-05
      0.00001234	1.234e-05
      12e-1	1.2
      """;

  static Stream<Arguments> measured() {
    return Arrays.stream(MEASURED.split("\n"))
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t", 2))
        .map(p -> Arguments.of(p[0], p[1]));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("measured")
  void matchesBuildxArgs(String plain, String printed) {
    Object v = GoYamlScalar.resolve(plain);
    if (printed.equals("<null>")) {
      assertNull(v);
    } else {
      assertEquals(printed, GoYamlScalar.sprint(v));
    }
  }

  /** Conformance case 041-args-numeric-values. */
  @ParameterizedTest(name = "041 {0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "FLOAT|1.10|1.1", "HEX|0x1F|31", "OCT|0o17|15", "LEADZERO|010|8", "BOOL|true|true",
    "YES|yes|yes", "EXP|1e3|1000", "BIG|12345678901234567890|12345678901234567890", "INT|42|42"})
  void conformance041(String key, String plain, String expected) {
    assertEquals(expected, GoYamlScalar.stringify(plain));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {
    "42|Long", "-0|Long", "0x1F|Long", "9223372036854775807|Long", "-9223372036854775808|Long",
    "9223372036854775808|BigInteger", "18446744073709551615|BigInteger", "0xFFFFFFFFFFFFFFFF|BigInteger",
    "1.10|Double", "1e3|Double", "08|Double", ".inf|Double", "-.Inf|Double", ".nan|Double",
    "-9223372036854775809|Double", "true|Boolean", "FALSE|Boolean", "yes|String", "on|String",
    "1e400|String", "0x10000000000000000|String", "2001-12-14|Timestamp",
    "2001-12-14t21:59:43.10-05:00|Timestamp", "2001-12-14 21:59:43.10|Timestamp",
    "2002-12-14T00:00:00Z|Timestamp", "2001-13-14|String", "2001-02-30|String", "2001-1-2|Timestamp",
    "20011-12-14|String", "2001-12-14x|String"})
  void resolvedTypes(String plain, String type) {
    Object v = GoYamlScalar.resolve(plain);
    switch (type) {
      case "Long" -> assertInstanceOf(Long.class, v);
      case "BigInteger" -> assertInstanceOf(BigInteger.class, v);
      case "Double" -> assertInstanceOf(Double.class, v);
      case "Boolean" -> assertInstanceOf(Boolean.class, v);
      case "Timestamp" -> assertInstanceOf(GoYamlScalar.Timestamp.class, v);
      default -> assertEquals(plain, v);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {"NONE", "~", "null", "Null", "NULL"})
  void nulls(String plain) {
    assertNull(GoYamlScalar.resolve(plain == null ? "" : plain));
  }

  @Test
  void exactValues() {
    assertEquals(8L, GoYamlScalar.resolve("010"));
    assertEquals(1000L, GoYamlScalar.resolve("1_000"));
    assertEquals(-5L, GoYamlScalar.resolve("0b-101"));
    assertEquals(new BigInteger("12345678901234567890"), GoYamlScalar.resolve("12345678901234567890"));
    assertEquals(1.1, GoYamlScalar.resolve("1.10"));
    assertEquals(Boolean.TRUE, GoYamlScalar.resolve("True"));
  }

  @ParameterizedTest(name = "sprint({0}) = {1}")
  @CsvSource(delimiter = '|', value = {
    "1000000.0|1e+06", "123456.0|123456", "1234567.0|1.234567e+06", "0.0001|0.0001", "0.00001|1e-05",
    "100.0|100", "1.0E21|1e+21", "1.0E-7|1e-07", "4.9E-324|5e-324", "1.7976931348623157E308|1.7976931348623157e+308",
    "0.1|0.1", "0.30000000000000004|0.30000000000000004", "-2.5|-2.5", "1.0E100|1e+100", "2.0E-100|2e-100",
    "5.0E-5|5e-05", "123456789.0|1.23456789e+08", "9.007199254740993E15|9.007199254740992e+15"})
  void sprintFloats(double v, String expected) {
    assertEquals(expected, GoYamlScalar.sprint(v));
  }

  @Test
  void sprintOtherTypes() {
    assertEquals("", GoYamlScalar.sprint(null));
    assertEquals("true", GoYamlScalar.sprint(true));
    assertEquals("false", GoYamlScalar.sprint(false));
    assertEquals("-0", GoYamlScalar.sprint(-0.0));
    assertEquals("0", GoYamlScalar.sprint(0.0));
    assertEquals("+Inf", GoYamlScalar.sprint(Double.POSITIVE_INFINITY));
    assertEquals("-Inf", GoYamlScalar.sprint(Double.NEGATIVE_INFINITY));
    assertEquals("NaN", GoYamlScalar.sprint(Double.NaN));
    assertEquals("18446744073709551615", GoYamlScalar.sprint(new BigInteger("18446744073709551615")));
    assertEquals("2001-12-14 00:00:00 +0000 UTC", GoYamlScalar.stringify("2001-12-14"));
    assertEquals("2001-12-14 21:59:43.1 -0500 -0500", GoYamlScalar.stringify("2001-12-14t21:59:43.10-05:00"));
  }
}
