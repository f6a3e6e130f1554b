package dev.compose2bake.compose;

import dev.compose2bake.interp.Lookup;
import dev.compose2bake.interp.InterpolationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were checked with {@code docker compose config} (compose 2.40.3) through {@code env_file}. */
class DotEnvTest {

  /** The variables outside the file: A=proc, FROM_PROCESS=proc, PROC2=p2. */
  private static final Lookup PROCESS = Lookup.of(Map.of("A", "proc", "FROM_PROCESS", "proc", "PROC2", "p2"));

  private static LinkedHashMap<String, String> parse(String text) {
    return DotEnv.parse(text, ".env", PROCESS);
  }

  /** Builds an ordered map from key, value pairs. */
  private static Map<String, String> map(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Stream<Arguments> files() {
    return Stream.of(
        arguments("", map()),
        arguments("\n\n  \n# only a comment", map()),
        arguments("X=1", map("X", "1")),
        arguments("X=1\r\nY=2\r\nZ=\"a\r\nb\"\r\n", map("X", "1", "Y", "2", "Z", "a\r\nb")),
        arguments("\uFEFFX=1\n", map("X", "1")),
        arguments("X=\nY=  \nZ= \"q\" \n", map("X", "", "Y", "", "Z", "q")),
        arguments("X= a b  \n", map("X", "a b")),
        arguments("  export X=1 \n  # c\n\t Y = 2  #c\n", map("X", "1", "Y", "2")),
        arguments("export   K=2\nexportJ=1\n", map("K", "2", "exportJ", "1")),
        arguments("export\nQ=1\n", map("Q", "1")),
        arguments("export =1\n", map("", "1")),
        arguments("I: yaml\nK:2=v\n", map("I", "yaml", "K", "2=v")),
        // comments: only " #" ends an unquoted value
        arguments("F=a#b\nG=a #b\nH=a\t#b\nX=#c\nY= #c\nZ=a  # b # c\nW=a\u2003#b\n",
            map("F", "a#b", "G", "a", "H", "a\t#b", "X", "#c", "Y", "#c", "Z", "a", "W", "a\u2003#b")),
        arguments("X=\"a b # not comment\" # comment\nY='a' #c\n", map("X", "a b # not comment", "Y", "a")),
        // keys
        arguments("1BAD=x\na-b.c[0]=z\nK.1=v\n\u00c9=1\n\u03a92=x\n\u00b2=sup\nA\tB=c\n",
            map("1BAD", "x", "a-b.c[0]", "z", "K.1", "v", "\u00c9", "1", "\u03a92", "x", "\u00b2", "sup",
                "A\tB", "c")),
        arguments("=x\n", map("", "x")),
        arguments("X=1\nLAST", map("X", "1", "", "LAST")),
        // a KEY line without '=' takes the value from the lookup, or is dropped
        arguments("L\nPROC2\nX=1\n", map("PROC2", "p2", "X", "1")),
        arguments("A=file\nA\n", map("A", "proc")),
        arguments("X=\"a\"junk\nY=2\n", map("X", "a", "Y", "2")),
        // quotes and escapes
        arguments("D='x\\'y'\nE=\"x\\\"y\"\nS='a\\\\b'\n", map("D", "x'y", "E", "x\"y", "S", "a\\\\b")),
        arguments("C=\"\\a|\\b|\\c|\\f|\\n|\\r|\\t|\\v|\\$X|\\\"|\\\\|\\0101|\\x41|\\q|\\u0041|\\01|\\0\"\n",
            map("C", "\u0007|\b|\\c|\f|\n|\r|\t|\u000b|$X|\"|\\|A|\\x41|\\q|\\u0041|\\1|\\")),
        arguments("X=\"\\0377|\\0777|\\012|\\0012|\\08\"\n", map("X", "\u00ff|\\777|\\12|\n|\\8")),
        arguments("X=\"a\\\\nb\"\n", map("X", "a\\nb")),
        arguments("X=\"a\\\\\"b=1\n", map("X", "a\\", "b", "1")),
        arguments("X='multi\nline'\n", map("X", "multi\nline")),
        arguments("X=a\\\nY=b\n", map("X", "a\\", "Y", "b")),
        // interpolation: the lookup wins over lines above; single quotes are literal
        arguments("A=file\nB=${A}\n", map("A", "file", "B", "proc")),
        arguments("Q=1\nX=${Q}\nQ=2\n", map("Q", "2", "X", "1")),
        arguments("M=\"$$A \\$B\"\nN=$$A\nO='$$'\nP=$\n", map("M", "$A $B", "N", "$A", "O", "$$", "P", "$")),
        arguments("X=${U:-${A}}\nY=\"${U:-d}\"\nZ='${U:-d}'\n", map("X", "proc", "Y", "d", "Z", "${U:-d}")),
        // Go's unicode.IsSpace trims, NBSP and EM SPACE included
        arguments("\u00a0X=\u00a0a\u00a0\n\u2003Y=1\u2003\n", map("X", "a", "Y", "1")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("files")
  void parses(String text, Map<String, String> expected) {
    LinkedHashMap<String, String> actual = parse(text);
    assertEquals(expected, actual);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "order");
  }

  @Test
  void conformanceCase191DotenvSyntax() {
    String text = "export A=exported\nB=\"double quoted ${A}\"\nC='single quoted ${A}'\n"
        + "D=unquoted # trailing comment\nE=${A}-${FROM_PROCESS}\nF=\"multi\\nline\"\nG = spaced\n";
    assertEquals(map("A", "exported", "B", "double quoted exported", "C", "single quoted ${A}", "D", "unquoted",
        "E", "exported-proc", "F", "multi\nline", "G", "spaced"),
        DotEnv.parse(text, ".env", Lookup.of(Map.of("FROM_PROCESS", "proc"))));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        arguments("X=1\nA B=c\n", 2, "key cannot contain a space: \"A B\""),
        arguments("X=1\n\nY=\"abc\n", 3, "unterminated quoted value \"abc"),
        arguments("X=1\nY='abc\n", 2, "unterminated quoted value 'abc"),
        arguments("S='a\\'\n", 1, "unterminated quoted value 'a\\'"),
        arguments("X=\"a\\\"\n", 1, "unterminated quoted value \"a\\\""),
        arguments("A/B=c\n", 1, "unexpected character \"/\" in variable name \"A/B=c\""),
        arguments("X=\"a\"junk\"\n", 1, "unexpected character \"\\\"\" in variable name \"junk\\\"\""),
        arguments("X=1\nexport ", 2, "\"export\" without a variable name"),
        arguments("# c\nX=${A.B}\n", 2, "invalid interpolation format: \"${A.B}\"; escape a literal $ as $$"),
        arguments("X=${A}${A", 1,
            "invalid interpolation format: \"${A}${A\" (at character 5); escape a literal $ as $$"),
        arguments("X=1\n\n\nX=${UNSET:?boom}\n", 4, "required variable UNSET is missing a value: boom"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejects(String text, int line, String problem) {
    DotEnvException e = assertThrows(DotEnvException.class, () -> parse(text));
    assertEquals(line, e.line());
    assertEquals(problem, e.problem());
    assertEquals(".env:" + line + ": " + problem, e.getMessage());
  }

  @Test
  void interpolationErrorsKeepTheirCause() {
    DotEnvException e = assertThrows(DotEnvException.class, () -> parse("X=${REQ?}"));
    InterpolationException cause = assertInstanceOf(InterpolationException.class, e.getCause());
    assertEquals("REQ", cause.variable());
  }

  @Test
  void warnsAboutUnsetVariables() {
    List<String> warnings = new ArrayList<>();
    DotEnv.parse("X=a${UNSET}b\nY='${UNSET2}'\n", "f.env", Lookup.NONE, warnings::add);
    assertEquals(List.of("UNSET"), warnings);
  }

  @Test
  void readsFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("app.env");
    Files.write(file, "\uFEFFK=v\u00e9\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(map("K", "v\u00e9"), DotEnv.read(file, Lookup.NONE, w -> { }));
    Files.writeString(file, "1=2=3\nA B=1\n");
    DotEnvException e = assertThrows(DotEnvException.class, () -> DotEnv.read(file, Lookup.NONE, w -> { }));
    assertEquals(file + ":2: key cannot contain a space: \"A B\"", e.getMessage());
  }
}
