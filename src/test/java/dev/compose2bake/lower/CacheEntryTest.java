package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheEntryTest {

  /** cache-from lists and what buildx 0.29.1 printed (measured; errors without the HCL prefix). */
  static Stream<Arguments> measured() {
    return Stream.of(
        Arguments.of(List.of("a,b", "type=gha"),
            "[{\"ref\":\"a\",\"type\":\"registry\"},{\"ref\":\"b\",\"type\":\"registry\"},{\"type\":\"gha\"}]"),
        Arguments.of(List.of("a,,b"), "ERROR: EOF"),
        Arguments.of(List.of("a,"), "ERROR: EOF"),
        Arguments.of(List.of(","), "ERROR: EOF"),
        Arguments.of(List.of("\"a,b\",c"), "ERROR: invalid value a"),
        Arguments.of(List.of("\"a\""), "[{\"ref\":\"a\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("a\"b"), "ERROR: parse error on line 1, column 2: bare \" in non-quoted-field"),
        Arguments.of(List.of("\"a\"\"b\""), "ERROR: parse error on line 1, column 2: bare \" in non-quoted-field"),
        Arguments.of(List.of("type=registry,ref=\"x,y\""),
            "ERROR: parse error on line 1, column 19: bare \" in non-quoted-field"),
        Arguments.of(List.of("TYPE=registry,REF=user/c"), "[{\"ref\":\"user/c\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("src=./x"), "ERROR: type required form> \"src=./x\""),
        Arguments.of(List.of("type=local,src"), "ERROR: invalid value src"),
        Arguments.of(List.of("type=local,,src=x"), "ERROR: invalid value "),
        Arguments.of(List.of("type=local, src=x"), "[{\" src\":\"x\",\"type\":\"local\"}]"),
        Arguments.of(List.of(" type=local"), "ERROR: type required form> \" type=local\""),
        Arguments.of(List.of("type=local,type=gha"), "[{\"type\":\"gha\"}]"),
        Arguments.of(List.of("type="), "ERROR: type required form> \"type=\""),
        Arguments.of(List.of("", "a"), "[{\"ref\":\"a\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("r/a", "r/a", "r/b", "r/c"),
            "[{\"ref\":\"r/a\",\"type\":\"registry\"},{\"ref\":\"r/c\",\"type\":\"registry\"},{\"ref\":\"r/b\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("r/a", "type=registry,ref=r/a", "r/b", "r/a", "r/c", "r/b"),
            "[{\"ref\":\"r/a\",\"type\":\"registry\"},{\"ref\":\"r/c\",\"type\":\"registry\"},{\"ref\":\"r/b\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("type=inline", "type=inline", "a", "b", "a"),
            "[{\"type\":\"inline\"},{\"ref\":\"b\",\"type\":\"registry\"},{\"ref\":\"a\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("\"unclosed"),
            "ERROR: parse error on line 1, column 2: extraneous or missing \" in quoted-field"),
        Arguments.of(List.of("\"a\"x"), "ERROR: parse error on line 1, column 3: extraneous or missing \" in quoted-field"),
        Arguments.of(List.of("type=registry,ref=a\n"), "[{\"ref\":\"a\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("a\nb"), "[{\"ref\":\"a\\nb\",\"type\":\"registry\"}]"),
        Arguments.of(List.of("=x"), "ERROR: type required form> \"=x\""),
        Arguments.of(List.of("type=gha,Scope=X"), "[{\"scope\":\"X\",\"type\":\"gha\"}]"),
        // research notes §1 (exp-cache, exp-cache2)
        Arguments.of(List.of("user/app:cache", "type=registry,ref=user/app:buildcache", "type=local,src=./cachedir",
            "type=gha", "type=s3,region=eu-west-1,bucket=b", "type=inline", "user/app:cache"),
            "[{\"ref\":\"user/app:cache\",\"type\":\"registry\"},{\"ref\":\"user/app:buildcache\",\"type\":\"registry\"},"
                + "{\"src\":\"./cachedir\",\"type\":\"local\"},{\"type\":\"gha\"},"
                + "{\"bucket\":\"b\",\"region\":\"eu-west-1\",\"type\":\"s3\"},{\"type\":\"inline\"}]"),
        Arguments.of(List.of("user/a:1,user/b:2", "TYPE=registry,REF=user/c"),
            "[{\"ref\":\"user/a:1\",\"type\":\"registry\"},{\"ref\":\"user/b:2\",\"type\":\"registry\"},"
                + "{\"ref\":\"user/c\",\"type\":\"registry\"}]"));
  }

  @ParameterizedTest
  @MethodSource("measured")
  void matchesBuildx(List<String> in, String expected) {
    if (expected.startsWith("ERROR: ")) {
      LowerException e = assertThrows(LowerException.class, () -> CacheEntry.parseCacheEntries(in));
      assertEquals(expected.substring(7), e.buildxMessage());
    } else {
      List<CacheEntry> got = CacheEntry.removeDupes(CacheEntry.parseCacheEntries(in));
      assertEquals(Json.parse(expected), Json.list(got, CacheEntry::toJson));
    }
  }

  /** Conformance cases 056, 058, 059, 127 and 146. */
  static Stream<Arguments> conformance() {
    return Stream.of(
        Arguments.of("056", List.of("example/web:cache", "type=registry,ref=example/web:buildcache",
            "type=local,src=./cache", "type=gha,scope=web"), List.of(),
            "[{\"ref\":\"example/web:cache\",\"type\":\"registry\"},{\"ref\":\"example/web:buildcache\",\"type\":\"registry\"},"
                + "{\"src\":\"./cache\",\"type\":\"local\"},{\"scope\":\"web\",\"type\":\"gha\"}]"),
        Arguments.of("058", List.of("example/web:cache", "type=registry,ref=example/web:cache", "example/web:cache"),
            List.of(), "[{\"ref\":\"example/web:cache\",\"type\":\"registry\"}]"),
        Arguments.of("059", List.of("type=inline", "type=registry,ref=example/web:buildcache,mode=max",
            "type=local,dest=/tmp/cache"), List.of(),
            "[{\"type\":\"inline\"},{\"mode\":\"max\",\"ref\":\"example/web:buildcache\",\"type\":\"registry\"},"
                + "{\"dest\":\"/tmp/cache\",\"type\":\"local\"}]"),
        Arguments.of("127 cache-from", List.of("example/web:cache"),
            List.of("type=local,src=path/to/cache", "example/web:cache"),
            "[{\"ref\":\"example/web:cache\",\"type\":\"registry\"},{\"src\":\"path/to/cache\",\"type\":\"local\"}]"),
        Arguments.of("127 cache-to", List.of("type=inline"), List.of("type=local,dest=path/to/cache"),
            "[{\"type\":\"inline\"},{\"dest\":\"path/to/cache\",\"type\":\"local\"}]"),
        Arguments.of("146", List.of(), List.of("type=registry", "ref=example/web:cache"),
            "ERROR: type required form> \"ref=example/web:cache\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conformance")
  void conformance(String name, List<String> compose, List<String> xbake, String expected) {
    if (expected.startsWith("ERROR: ")) {
      LowerException e = assertThrows(LowerException.class, () -> CacheEntry.forCompose(compose, xbake));
      assertEquals(expected.substring(7), e.buildxMessage());
    } else {
      assertEquals(Json.parse(expected), Json.list(CacheEntry.forCompose(compose, xbake), CacheEntry::toJson));
    }
  }

  @Test
  void removeDupesSwapsWithLast() {
    assertEquals(List.of("a", "c", "b"), Dedup.removeDupes(List.of("a", "a", "b", "c")));
    assertEquals(List.of("a", "b"), Dedup.removeDupes(List.of("a", "b", "a", "b")));
    assertEquals(List.of("a"), Dedup.removeDupes(List.of("a", "a", "a")));
    assertEquals(List.of(), Dedup.removeDupes(List.of()));
    assertEquals(List.of("x", "b", "c", "d"), Dedup.removeDupes(List.of("x", "b", "c", "x", "d")));
    assertEquals(List.of("a", "b", "c", "d"), Dedup.removeDupes(List.of("a", "b", "c", "b", "a", "d")));
    // measured: cache-from ["r/a","r/a","r/b","r/a","r/d","r/e"] prints a, d, b, e
    assertEquals(List.of("a", "d", "b", "e"), Dedup.removeDupes(List.of("a", "a", "b", "a", "d", "e")));
  }

  @Test
  void stringForm() {
    assertEquals("user/app:cache", CacheEntry.parse("user/app:cache").toString());
    assertEquals("type=local,dest=b,mode=max", CacheEntry.parse("type=local,mode=max,dest=b").toString());
    assertEquals("type=registry,mode=max,ref=r", CacheEntry.parse("type=registry,ref=r,mode=max").toString());
  }

  @Test
  void hintsOnErrors() {
    LowerException e = assertThrows(LowerException.class, () -> CacheEntry.parse("src=./x"));
    assertEquals("type required form> \"src=./x\" (hint: add type=..., e.g. type=local,src=./cache or "
        + "type=registry,ref=user/app:cache)", e.getMessage());
  }
}
