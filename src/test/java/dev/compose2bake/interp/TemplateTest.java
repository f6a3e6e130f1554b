package dev.compose2bake.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.compose2bake.interp.Part.Literal;
import dev.compose2bake.interp.Part.Op;
import dev.compose2bake.interp.Part.Operation;
import dev.compose2bake.interp.Part.Variable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

  /** SET=val, EMPTY="", OTHER=other; everything else is unset. */
  private static final Lookup ENV = Lookup.of(Map.of("SET", "val", "EMPTY", "", "OTHER", "other"));

  static Stream<Arguments> evaluations() {
    return Stream.of(
        arguments("", ""),
        arguments("plain text", "plain text"),
        arguments("${SET}", "val"),
        arguments("$SET", "val"),
        arguments("$SET-x", "val-x"),
        arguments("$SET_x", ""),
        arguments("${SET}${OTHER}$SET", "valotherval"),
        arguments("${UNSET}", ""),
        arguments("[${EMPTY}]", "[]"),
        // :-  -  :+  +  against set, empty and unset
        arguments("${SET:-d}|${EMPTY:-d}|${UNSET:-d}", "val|d|d"),
        arguments("${SET-d}|${EMPTY-d}|${UNSET-d}", "val||d"),
        arguments("${SET:+a}|${EMPTY:+a}|${UNSET:+a}", "a||"),
        arguments("${SET+a}|${EMPTY+a}|${UNSET+a}", "a|a|"),
        arguments("${SET:?msg}|${SET?msg}|${EMPTY?msg}", "val|val|"),
        arguments("[${U1:-}][${U2-}]", "[][]"),
        // nesting
        arguments("${UNSET:-${SET}}", "val"),
        arguments("${UNSET:-${UNSET2:-deep}}", "deep"),
        arguments("${UNSET:-pre-${SET}-post}", "pre-val-post"),
        arguments("${UNSET:-${SET:?inner}}", "val"),
        arguments("${X1:-${X2:-${X3:-deep}}}", "deep"),
        arguments("${SET:+${OTHER}!}", "other!"),
        // operator choice and argument text
        arguments("${NOT-VALID}", "VALID"),
        arguments("${a-b-c}", "b-c"),
        arguments("${UNSET-a:-b}", "a:-b"),
        arguments("${UNSET:-a-b}", "a-b"),
        arguments("${UNSET:-a b c}", "a b c"),
        arguments("${UNSET:-a:b}", "a:b"),
        arguments("${UNSET:-a b:c/d}", "a b:c/d"),
        arguments("${UNSET:-http://h:1/p?q=1}", "http://h:1/p?q=1"),
        arguments("${SET?a?b}", "val"),
        // braces: greedy match to the last '}', cut where the first '{' closes
        arguments("${UNSET:-a}b}", "ab}"),
        arguments("${X:-{json}}", "{json}"),
        arguments("${UNSET:-{}}", "{}"),
        arguments("${UNSET:-{x}", "{x"),
        arguments("${UNSET:-$}}", "$}"),
        arguments("${UNSET:-{}x}y}", "{}x}y"),
        arguments("${UNSET:-a} and ${SET:-b}", "a and val"),
        arguments("${UNSET:-x}\n}", "x\n}"),
        arguments("${UNSET:-}b}", "b}"),
        // escapes and lone dollars
        arguments("$$SET", "$SET"),
        arguments("$${SET}", "${SET}"),
        arguments("$$$$", "$$"),
        arguments("$$$SET", "$val"),
        arguments("cost $$5", "cost $5"),
        arguments("a $ b", "a $ b"),
        arguments("abc$", "abc$"),
        arguments("$1 $- $.", "$1 $- $."),
        arguments("${UNSET:-$$}", "$"),
        // Go's case-insensitive [a-z] also matches the long s and the Kelvin sign
        arguments("x$\u017F y$\u212A", "x y"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("evaluations")
  void evaluates(String template, String expected) {
    assertEquals(expected, Template.parse(template).evaluate(ENV));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"${A.B}", "${1BAD}", "${UNSET", "${SET:0:1}", "${SET/a/b}", "${}", "${A:}", "${ A}",
    "${", "x${", "${A B}", "${A:-x", "${UNSET:-x\ny}", "${A:-${B}", "${UNSET:-${A.B}}", "${SET:+${}}",
    "ok ${SET} then ${A.B}", "${A}${A", "${-x}", "${A::-x}"})
  void rejectsInvalidSyntax(String template) {
    InterpolationException e = assertThrows(InterpolationException.class, () -> Template.parse(template));
    assertEquals(InterpolationException.Kind.INVALID_FORMAT, e.kind());
    assertEquals(template, e.template());
    assertTrue(e.getMessage().startsWith("invalid interpolation format: "), e.getMessage());
  }

  @Test
  void invalidSyntaxMessageNamesTheText() {
    InterpolationException e = assertThrows(InterpolationException.class, () -> Template.parse("${A.B}"));
    assertEquals("invalid interpolation format: \"${A.B}\"; escape a literal $ as $$", e.getMessage());
    e = assertThrows(InterpolationException.class, () -> Template.parse("ab ${A.B}"));
    assertEquals(3, e.offset());
    assertEquals("invalid interpolation format: \"ab ${A.B}\" (at character 4); escape a literal $ as $$",
        e.getMessage());
  }

  static Stream<Arguments> missingRequired() {
    return Stream.of(
        arguments("${REQ:?REQ must be set}", "REQ", "required variable REQ is missing a value: REQ must be set"),
        arguments("${EMPTY:?must be non-empty}", "EMPTY",
            "required variable EMPTY is missing a value: must be non-empty"),
        arguments("${REQ?REQ must exist}", "REQ", "required variable REQ is missing a value: REQ must exist"),
        arguments("${REQ:?}", "REQ", "required variable REQ is missing a value"),
        arguments("${REQ?}", "REQ", "required variable REQ is missing a value"),
        arguments("${REQ:?need ${SET}}", "REQ", "required variable REQ is missing a value: need val"),
        // compose-go evaluates defaults eagerly: a required variable inside one fails even when unused
        arguments("${SET:-${REQ:?boom}}", "REQ", "required variable REQ is missing a value: boom"),
        arguments("${UNSET:+${REQ?x}}", "REQ", "required variable REQ is missing a value: x"),
        arguments("a ${SET} ${R1:?one} ${R2:?two}", "R1", "required variable R1 is missing a value: one"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("missingRequired")
  void failsOnMissingRequiredVariable(String template, String variable, String message) {
    Template parsed = Template.parse(template);
    InterpolationException e = assertThrows(InterpolationException.class, () -> parsed.evaluate(ENV));
    assertEquals(InterpolationException.Kind.MISSING_REQUIRED, e.kind());
    assertEquals(variable, e.variable());
    assertEquals(message, e.getMessage());
  }

  @Test
  void warnsForEachUnsetPlainVariableIncludingUnusedDefaults() {
    List<String> warnings = new ArrayList<>();
    String value = Template.parse("$U1 ${U2} ${SET:-${U3}} ${U4:-x} ${U5:+y} ${U6-$U7}")
        .evaluate(ENV, warnings::add);
    assertEquals("  val x  ", value);
    assertEquals(List.of(
        "U1",
        "U2",
        "U3",
        "U7"), warnings);
  }

  @Test
  void exposesTheSyntaxTree() {
    Template template = Template.parse("a$$b${X:-${Y}-$Z}$W${V?}c");
    assertEquals(List.of(
        new Literal("a$b"),
        new Operation("X", Op.DEFAULT_IF_UNSET_OR_EMPTY, Template.parse("${Y}-$Z")),
        new Variable("W", false),
        new Operation("V", Op.REQUIRED, Template.parse("")),
        new Literal("c")), template.parts());
    Template argument = ((Operation) template.parts().get(1)).argument();
    assertEquals(List.of(new Variable("Y", true), new Literal("-"), new Variable("Z", false)), argument.parts());
    assertEquals(Set.of("X", "Y", "Z", "W", "V"), template.variableNames());
    assertEquals(List.of("X", "Y", "Z", "W", "V"), List.copyOf(template.variableNames()));
  }

  static Stream<Arguments> operators() {
    return Stream.of(
        arguments("${A:-x}", Op.DEFAULT_IF_UNSET_OR_EMPTY),
        arguments("${A-x}", Op.DEFAULT_IF_UNSET),
        arguments("${A:?x}", Op.REQUIRED_NON_EMPTY),
        arguments("${A?x}", Op.REQUIRED),
        arguments("${A:+x}", Op.ALT_IF_NON_EMPTY),
        arguments("${A+x}", Op.ALT_IF_SET));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("operators")
  void recognisesEachOperator(String text, Op op) {
    assertEquals(List.of(new Operation("A", op, Template.parse("x"))), Template.parse(text).parts());
    assertEquals(text, "${A" + op.token() + "x}");
    assertSame(op, Op.fromToken(op.token()));
  }

  @Test
  void literalTemplates() {
    String text = "no variables here";
    Template template = Template.parse(text);
    assertTrue(template.isLiteral());
    assertSame(text, template.literalValue());
    assertSame(text, template.source());
    assertEquals(List.of(new Literal(text)), template.parts());
    assertTrue(Template.parse("").parts().isEmpty());
    assertEquals("", Template.parse("").literalValue());

    Template escaped = Template.parse("a$$b $ c$");
    assertTrue(escaped.isLiteral());
    assertEquals("a$b $ c$", escaped.literalValue());
    assertEquals(Set.of(), escaped.variableNames());

    Template variable = Template.parse("a$B");
    assertFalse(variable.isLiteral());
    assertThrows(IllegalStateException.class, variable::literalValue);
  }

  @Test
  void longInvalidTextIsShortenedInTheMessage() {
    String text = "x".repeat(500) + "${A.B}" + "y".repeat(500);
    InterpolationException e = assertThrows(InterpolationException.class, () -> Template.parse(text));
    assertEquals(500, e.offset());
    assertTrue(e.getMessage().startsWith("invalid interpolation format: \"...${A.B}yyy"), e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void absurdNestingIsAnErrorNotACrash() throws InterruptedException {
    String deep = "${A:-".repeat(20_000) + "}".repeat(20_000);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    // A small stack makes the overflow quick and independent of the JVM's defaults.
    Thread thread = new Thread(null, () -> {
      try {
        Template.parse(deep);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "deep-template", 256 * 1024);
    thread.start();
    thread.join();
    InterpolationException e = assertInstanceOf(InterpolationException.class, thrown.get());
    assertTrue(e.getMessage().startsWith("interpolation nested more than"), e.getMessage());
  }

  @Test
  void treeIsImmutable() {
    Template template = Template.parse("a${B}");
    assertThrows(UnsupportedOperationException.class, () -> template.parts().add(new Literal("x")));
    assertThrows(UnsupportedOperationException.class, () -> template.variableNames().add("x"));
  }

  @Test
  void equalityFollowsTheSource() {
    assertEquals(Template.parse("${A:-b}"), Template.parse("${A:-b}"));
    assertEquals(Template.parse("${A:-b}").hashCode(), Template.parse("${A:-b}").hashCode());
    assertFalse(Template.parse("$A").equals(Template.parse("${A}")));
    assertEquals("${A:-b}", Template.parse("${A:-b}").toString());
  }

  @Test
  void parsesLongInputsInLinearTime() {
    String many = "x${A:-y}$B $$ ${C}".repeat(50_000);
    String unclosed = "${A:-" + "{".repeat(100_000) + "}";
    String peeling = "${A-{}".repeat(500) + "}".repeat(500);
    String nested = "${A:-".repeat(500) + "z" + "}".repeat(500);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertEquals(250_000, Template.parse(many).parts().size());
      assertEquals("z", Template.parse(nested).evaluate(Lookup.NONE));
      assertEquals(1, Template.parse(unclosed).parts().size());
      Template.parse(peeling);
    });
  }
}
