package dev.compose2bake.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtraHostsTest {

  private static String list(String... entries) {
    try {
      return Json.tree(ExtraHosts.parseList(List.of(entries)).joined()).toString();
    } catch (LowerException e) {
      return "ERROR: " + e.buildxMessage();
    }
  }

  private static String map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    try {
      return Json.tree(ExtraHosts.parseMap(m).joined()).toString();
    } catch (LowerException e) {
      return "ERROR: " + e.buildxMessage();
    }
  }

  /** Research notes §1 (exp-hosts-labels) and measured variants. */
  @Test
  void listForm() {
    assertEquals(Json.parse("{\"colon\":\"1.2.3.4\",\"equals\":\"5.6.7.8\",\"gw\":\"host-gateway\","
        + "\"multi\":\"10.0.0.1,10.0.0.2\",\"v6br\":\"::2\",\"v6colon\":\"::1\",\"v6eq\":\"::1\"}").toString(),
        list("colon:1.2.3.4", "equals=5.6.7.8", "multi:10.0.0.1", "multi:10.0.0.2", "v6colon:::1", "v6eq=::1",
            "v6br:[::2]", "gw:host-gateway"));
    assertEquals("{\"a\":\"b:c\"}", list("a=b:c"));
    assertEquals("ERROR: bad host name 'h:1.2.3.4'", list("h:1.2.3.4=x"));
    assertEquals("ERROR: bad host name ''", list(":1.2.3.4"));
    assertEquals("ERROR: bad host name ''", list("=1.2.3.4"));
    assertEquals("{\"h\":\"\"}", list("h="));
    assertEquals("{\"h\":\"\"}", list("h:"));
    assertEquals("{\"h\":\"::1,::2\"}", list("h:[::1],[::2]"));
    assertEquals("{\"h\":\"[]\"}", list("h:[]"));
    assertEquals("{\"h\":\"[x\"}", list("h:[x"));
    assertEquals("{\"h\":\"a,,b\"}", list("h:a,,b"));
    assertEquals("{\"h\":\" 1.2.3.4\"}", list("h: 1.2.3.4"));
    assertEquals("ERROR: invalid additional host, missing IP: nohostip", list("nohostip"));
    assertEquals("{\"h\":\"1,1\"}", list("h:1", "h=1"));
  }

  /** Conformance 068, 073, 074. */
  @Test
  void listConformance() {
    assertEquals("{\"otherhost\":\"50.31.209.229\",\"somehost\":\"162.242.195.82\"}",
        list("somehost:162.242.195.82", "otherhost:50.31.209.229"));
    assertEquals("{\"dup\":\"10.0.0.1,10.0.0.2,10.0.0.3\"}", list("dup=10.0.0.1", "dup:10.0.0.2,10.0.0.3"));
    assertEquals("ERROR: invalid additional host, missing IP: lonelyhost", list("lonelyhost"));
  }

  /** Measured map forms and conformance 070, 071. */
  @Test
  void mapForm() {
    assertEquals("{\"colon\":\"1.2.3.4\",\"multi\":\"10.0.0.1,10.0.0.2\"}",
        map("colon", "1.2.3.4", "multi", List.of("10.0.0.1", "10.0.0.2")));
    assertEquals("{\"h\":\"::1],[::2\"}", map("h", "[::1],[::2]"));
    assertEquals("{\"h\":\"1.2.3.4,5.6.7.8\"}", map("h", "1.2.3.4,5.6.7.8"));
    assertEquals("{\"h\":\"\"}", map("h", ""));
    assertEquals("ERROR: bad host name 'a:b'", map("a:b", "1.2.3.4"));
    assertEquals("{\"g\":\"c\",\"h\":\"a,b\"}", map("h", List.of("a", "b"), "g", "c"));
    assertEquals("{\"h\":\"::1\"}", map("h", List.of("[::1]")));
    assertEquals("ERROR: extra_hosts.h must be a string", map("h", null));
    assertEquals("ERROR: extra_hosts.h must be a string", map("h", 5));
    assertEquals("{\"gateway\":\"host-gateway\",\"somehost\":\"162.242.195.82\"}",
        map("somehost", "162.242.195.82", "gateway", "host-gateway"));
    assertEquals("{\"multi\":\"10.0.0.1,10.0.0.2\"}", map("multi", List.of("10.0.0.1", "10.0.0.2")));
  }

  @Test
  void structuredHosts() {
    ExtraHosts h = ExtraHosts.parseList(List.of("b:1", "a=2,[::3]"));
    assertEquals(List.of("a", "b"), List.copyOf(h.hosts().keySet()));
    assertEquals(List.of("2", "::3"), h.hosts().get("a"));
  }
}
