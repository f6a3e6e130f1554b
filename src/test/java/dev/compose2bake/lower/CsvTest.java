package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from go-csvvalue's test table (default parser: comma, strict quotes, no trimming). */
class CsvTest {

  static Stream<Arguments> ok() {
    return Stream.of(
        Arguments.of("foo,bar,baz", List.of("foo", "bar", "baz")),
        Arguments.of("foo,bar,baz\n", List.of("foo", "bar", "baz")),
        Arguments.of("foo,bar,baz\r\n", List.of("foo", "bar", "baz")),
        Arguments.of(" ", List.of(" ")),
        Arguments.of("   foo,bar,baz", List.of("   foo", "bar", "baz")),
        Arguments.of("a,\"b,cc ,ddd\",e", List.of("a", "b,cc ,ddd", "e")),
        Arguments.of("\"\"", List.of("")),
        Arguments.of("type=docker,name=test.docker,\"containerimage.config={\"\"Config\"\":{\"\"Entrypoint\"\":"
            + "[\"\"/sbin/init\"\", \"\"--log-level=err\"\"], \"\"StopSignal\"\":\"\"37\"\"},\"\"os\"\":"
            + "\"\"linux\"\", \"\"architecture\"\":\"\"amd64\"\"}\"",
            List.of("type=docker", "name=test.docker", "containerimage.config={\"Config\":{\"Entrypoint\":"
                + "[\"/sbin/init\", \"--log-level=err\"], \"StopSignal\":\"37\"},\"os\":\"linux\", "
                + "\"architecture\":\"amd64\"}")),
        Arguments.of("a,\"foo\"\"\",c", List.of("a", "foo\"", "c")),
        Arguments.of("a,,b", List.of("a", "", "b")),
        Arguments.of("a,b,", List.of("a", "b", "")),
        Arguments.of(",a,b", List.of("", "a", "b")),
        Arguments.of("foo", List.of("foo")),
        Arguments.of(",,", List.of("", "", "")),
        Arguments.of("\"a\",b,\"c\"", List.of("a", "b", "c")),
        Arguments.of("\"ab\"\"cd\",e", List.of("ab\"cd", "e")),
        Arguments.of("a\nb", List.of("a\nb")),
        Arguments.of("\"a\nb\",c", List.of("a\nb", "c")),
        Arguments.of("é,ü", List.of("é", "ü")),
        Arguments.of("a\r", List.of("a\r")));
  }

  @ParameterizedTest
  @MethodSource("ok")
  void fields(String in, List<String> expected) {
    assertEquals(expected, Csv.fields(in));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("", "EOF"),
        Arguments.of("\n", "EOF"),
        Arguments.of("\r\n", "EOF"),
        Arguments.of("\"", "parse error on line 1, column 2: extraneous or missing \" in quoted-field"),
        Arguments.of("\"\"\"", "parse error on line 1, column 4: extraneous or missing \" in quoted-field"),
        Arguments.of("foo,aa\"bb,cc", "parse error on line 1, column 7: bare \" in non-quoted-field"),
        Arguments.of("a\"\"b,c", "parse error on line 1, column 2: bare \" in non-quoted-field"),
        Arguments.of("a \"word\",\"b\"", "parse error on line 1, column 3: bare \" in non-quoted-field"),
        Arguments.of("\"a word\",b\"", "parse error on line 1, column 11: bare \" in non-quoted-field"),
        Arguments.of("\"a \"word\",\"b\"", "parse error on line 1, column 4: extraneous or missing \" in quoted-field"),
        Arguments.of("\"unclosed", "parse error on line 1, column 2: extraneous or missing \" in quoted-field"),
        Arguments.of("\"a\"x", "parse error on line 1, column 3: extraneous or missing \" in quoted-field"),
        Arguments.of("\"ab\"\"cd", "parse error on line 1, column 6: extraneous or missing \" in quoted-field"),
        // columns count UTF-8 bytes
        Arguments.of("é\"", "parse error on line 1, column 3: bare \" in non-quoted-field"),
        // measured through buildx: type=provenance,mode="a,b" and mode=a"b
        Arguments.of("type=provenance,mode=\"a,b\"", "parse error on line 1, column 22: bare \" in non-quoted-field"),
        Arguments.of("type=provenance,mode=a\"b", "parse error on line 1, column 23: bare \" in non-quoted-field"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errors(String in, String message) {
    LowerException e = assertThrows(LowerException.class, () -> Csv.fields(in));
    assertEquals(message, e.buildxMessage());
  }

  @Test
  void resultIsImmutable() {
    List<String> f = Csv.fields("a,b");
    assertThrows(UnsupportedOperationException.class, () -> f.add("c"));
  }
}
