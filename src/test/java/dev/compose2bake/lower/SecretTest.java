package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretTest {

  /** Secret strings and what buildx 0.29.1 printed (measured with HCL secret lists). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "id=x,src=s.txt|{\"id\":\"x\",\"src\":\"s.txt\"}",
    "id=y,env=E|{\"id\":\"y\",\"env\":\"E\"}",
    "type=env,id=y,src=E|{\"id\":\"y\",\"env\":\"E\"}",
    "type=env,id=y,env=E,src=s.txt|{\"id\":\"y\",\"src\":\"s.txt\",\"env\":\"E\"}",
    "type=file,id=y,env=E|{\"id\":\"y\",\"env\":\"E\"}",
    "id=a,ID=b,env=E|{\"id\":\"b\",\"env\":\"E\"}",
    "source=s.txt,id=q|{\"id\":\"q\",\"src\":\"s.txt\"}",
    "src=s.txt,id=tok|{\"id\":\"tok\",\"src\":\"s.txt\"}",
    "type=file,id=tok,src=s.txt|{\"id\":\"tok\",\"src\":\"s.txt\"}",
    "type=env,type=file,id=a,src=E|{\"id\":\"a\",\"src\":\"E\"}",
    "type=foo,id=y|ERROR: unsupported secret type \"foo\"",
    "id=a,colour=blue|ERROR: unexpected key 'colour' in 'colour=blue'",
    "noequals|ERROR: invalid field 'noequals' must be a key=value pair",
    "id=a,noeq|ERROR: invalid field 'noeq' must be a key=value pair",
    "id=\"a,b\",env=E|ERROR: failed to parse csv secret: parse error on line 1, column 4: bare \" in non-quoted-field",
    "id=a\"b|ERROR: failed to parse csv secret: parse error on line 1, column 5: bare \" in non-quoted-field",
    "' id=a,env=E'|ERROR: unexpected key ' id' in ' id=a'",
    "Type=ENV,id=a,env=E|ERROR: unsupported secret type \"ENV\"",
    "type=Env,id=a,env=E|ERROR: unsupported secret type \"Env\""})
  void parse(String in, String expected) {
    if (expected.startsWith("ERROR: ")) {
      LowerException e = assertThrows(LowerException.class, () -> Secret.parse(in));
      assertEquals(expected.substring(7), e.buildxMessage());
    } else {
      assertEquals(Json.parse(expected), Json.tree(Secret.parse(in).toJson()));
    }
  }

  /** Research notes §9.6 and measured variants: by id, first position, last value. */
  @Test
  void dedupById() {
    assertEquals(List.of(new Secret("a", "", "C"), new Secret("b", "", "B")),
        Secret.dedupById(Secret.parseAll(List.of("id=a,env=A", "id=b,env=B", "id=a,env=C"))));
    assertEquals(List.of(new Secret("a", "", "C"), new Secret("b", "", "Y"), new Secret("c", "", "X")),
        Secret.dedupById(Secret.parseAll(List.of("id=a,env=A", "id=b,env=B", "id=a,env=C", "id=c,env=X", "id=b,env=Y"))));
    assertEquals(List.of(new Secret("a", "", "A"), new Secret("b", "", "B"), new Secret("c", "", "C")),
        Secret.dedupById(Secret.parseAll(List.of("id=a,env=A", "id=a,env=A", "id=b,env=B", "id=c,env=C"))));
    assertEquals(List.of(new Secret("x", "", "5"), new Secret("y", "", "2"), new Secret("z", "", "3")),
        Secret.dedupById(Secret.parseAll(List.of("id=x,env=1", "id=y,env=2", "id=z,env=3", "id=x,env=4", "id=x,env=5"))));
  }

  /** Conformance 128 (compose secret + x-bake list), 286 (duplicate ids), 095/097 (compose form). */
  @Test
  void conformance() {
    assertEquals(Json.parse("[{\"id\":\"tok\",\"env\":\"TOK\"},{\"id\":\"mysecret\",\"src\":\"./local/secret\"},"
            + "{\"id\":\"envsec\",\"env\":\"MY_ENV\"}]"),
        Json.list(Secret.forCompose(List.of(Secret.fromCompose("tok", null, "TOK")),
            List.of("id=mysecret,src=./local/secret", "id=envsec,env=MY_ENV")), Secret::toJson));
    assertEquals(Json.parse("[{\"id\":\"solo\",\"src\":\"solo.txt\"}]"),
        Json.list(Secret.forCompose(List.of(), List.of("id=solo,src=solo.txt")), Secret::toJson));
    assertEquals(Json.parse("[{\"id\":\"b_file\",\"src\":\"b.txt\"},{\"id\":\"a_env\",\"env\":\"A_ENV\"}]"),
        Json.list(Secret.forCompose(List.of(Secret.fromCompose("b_file", "b.txt", ""),
            Secret.fromCompose("a_env", "", "A_ENV"), Secret.fromCompose("b_file", "b.txt", "")), List.of()),
            Secret::toJson));
    assertEquals(Json.parse("{\"id\":\"npmrc\",\"src\":\"secrets/.npmrc\"}"),
        Json.tree(Secret.fromCompose("npmrc", "secrets/.npmrc", null).toJson()));
    LowerException e = assertThrows(LowerException.class,
        () -> Secret.forCompose(List.of(), List.of("id=a,colour=blue")));
    assertEquals("unexpected key 'colour' in 'colour=blue'", e.buildxMessage());
  }

  /** A YAML flow list [id=a,env=A] splits into "id=a" and "env=A": the second has no id. */
  @Test
  void missingIdAtBuild() {
    List<Secret> s = Secret.forCompose(List.of(), List.of("id=a", "env=A"));
    LowerException e = assertThrows(LowerException.class, () -> Secret.validateForBuild(s));
    assertEquals("secret missing ID", e.buildxMessage());
    assertThrows(LowerException.class, () -> Secret.validateForBuild(List.of(Secret.parse("id=,env=E"))));
    Secret.validateForBuild(List.of(Secret.parse("id=a,env=E")));
  }

  @Test
  void fileToCheck() {
    assertEquals("s.txt", Secret.parse("id=x,src=s.txt").fileToCheck(false));
    assertNull(Secret.parse("id=x,env=E").fileToCheck(false));
    assertEquals("a", Secret.parse("id=a").fileToCheck(false));
    assertNull(Secret.parse("id=a").fileToCheck(true));
  }

  @Test
  void stringAndEmptySkip() {
    assertEquals("id=a,src=f", Secret.parse("src=f,id=a").toString());
    assertEquals(List.of(new Secret("a", "f", null)), Secret.parseAll(List.of("", "id=a,src=f")));
  }
}
