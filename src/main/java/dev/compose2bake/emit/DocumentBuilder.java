package dev.compose2bake.emit;

import dev.compose2bake.model.BakeGroup;
import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.BakeVariable;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Builds the one ordered output tree from the IR. Attribute order inside a target is fixed and
 * reads from the most to the least commonly used field; empty fields are left out.
 */
public final class DocumentBuilder {
  private final Function<Str, Value.Text> strings;
  private final boolean resolved;

  private DocumentBuilder(Function<Str, Value.Text> strings, boolean resolved) {
    this.strings = strings;
    this.resolved = resolved;
  }

  /** Writes every string as its value in this run: a snapshot of the environment. */
  public static DocumentBuilder resolved() {
    return new DocumentBuilder(s -> Value.Text.literal(s.value()), true);
  }

  /** Keeps Compose variables as bake variables. */
  public static DocumentBuilder kept(Expressions expressions) {
    return new DocumentBuilder(expressions::text, false);
  }

  public Document build(BakeProject project, List<String> header) {
    List<Document.Block> blocks = new ArrayList<>();
    for (BakeVariable v : project.variables()) {
      List<Document.Attribute> attrs = new ArrayList<>();
      attrs.add(new Document.Attribute("default", v.defaultValue() != null ? strings.apply(v.defaultValue())
          : v.nullDefault() ? new Value.Null() : Value.Text.literal("")));
      List<Document.Block> checks = new ArrayList<>();
      for (BakeVariable.Validation c : v.validations()) {
        checks.add(new Document.Block("validation", null, List.of(
            new Document.Attribute("condition", new Value.Expression(c.condition())),
            new Document.Attribute("error_message", Value.Text.literal(c.message()))), List.of()));
      }
      blocks.add(new Document.Block("variable", v.name(), attrs, checks,
          v.comment() == null ? List.of() : List.of(v.comment())));
    }
    for (BakeGroup g : project.groups()) {
      List<Document.Attribute> attrs = new ArrayList<>();
      if (g.description() != null) {
        attrs.add(new Document.Attribute("description", Value.Text.literal(g.description())));
      }
      List<Value> targets = new ArrayList<>();
      for (String t : g.targets()) {
        targets.add(Value.Text.literal(t));
      }
      attrs.add(new Document.Attribute("targets", new Value.ListOf(targets)));
      blocks.add(new Document.Block("group", g.name(), attrs, List.of()));
    }
    for (BakeTarget t : project.targets()) {
      blocks.add(new Document.Block("target", t.name(), target(t), List.of()));
    }
    return new Document(header, blocks);
  }

  private List<Document.Attribute> target(BakeTarget t) {
    List<Document.Attribute> a = new ArrayList<>();
    str(a, "context", t.context());
    map(a, "contexts", t.contexts());
    str(a, "dockerfile", t.dockerfile());
    str(a, "dockerfile-inline", t.dockerfileInline());
    str(a, "target", t.target());
    map(a, "args", t.args());
    map(a, "labels", t.labels());
    list(a, "tags", t.tags());
    list(a, "platforms", t.platforms());
    objects(a, "cache-from", t.cacheFrom());
    objects(a, "cache-to", t.cacheTo());
    objects(a, "secret", t.secrets());
    objects(a, "ssh", t.ssh());
    objects(a, "output", t.outputs());
    bool(a, "pull", t.pull());
    bool(a, "no-cache", t.noCache());
    list(a, "no-cache-filter", t.noCacheFilter());
    str(a, "network", t.network());
    str(a, "shm-size", t.shmSize());
    list(a, "ulimits", t.ulimits());
    list(a, "entitlements", t.entitlements());
    map(a, "extra-hosts", t.extraHosts());
    objects(a, "attest", t.attest());
    return a;
  }

  private void str(List<Document.Attribute> a, String name, Str s) {
    if (s != null) {
      a.add(new Document.Attribute(name, strings.apply(s)));
    }
  }

  private void bool(List<Document.Attribute> a, String name, Boolean b) {
    if (b != null) {
      a.add(new Document.Attribute(name, new Value.Bool(b)));
    }
  }

  private void list(List<Document.Attribute> a, String name, List<Str> items) {
    if (items.isEmpty()) {
      return;
    }
    List<Value> out = new ArrayList<>();
    for (Str s : items) {
      out.add(strings.apply(s));
    }
    a.add(new Document.Attribute(name, new Value.ListOf(out)));
  }

  private void map(List<Document.Attribute> a, String name, SortedMap<String, Str> m) {
    if (m.isEmpty()) {
      return;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (!(resolved && v.optional() && v.value() == null)) {
        out.put(k, strings.apply(v)); // an unset optional value is left out of a snapshot
      }
    });
    if (!out.isEmpty()) {
      a.add(new Document.Attribute(name, new Value.MapOf(out, true)));
    }
  }

  private void objects(List<Document.Attribute> a, String name, List<BakeObject> objects) {
    if (objects.isEmpty()) {
      return;
    }
    List<Value> out = new ArrayList<>();
    for (BakeObject o : objects) {
      if (o.raw() != null) {
        out.add(strings.apply(o.raw()));
        continue;
      }
      Map<String, Value> m = new LinkedHashMap<>();
      // type (or id) first reads best; the rest in name order.
      for (String first : List.of("type", "id")) {
        if (o.attributes().containsKey(first)) {
          m.put(first, value(o.attributes().get(first)));
        }
      }
      o.attributes().forEach((k, v) -> m.putIfAbsent(k, value(v)));
      out.add(new Value.MapOf(m, false));
    }
    a.add(new Document.Attribute(name, new Value.ListOf(out)));
  }

  private Value value(Object v) {
    if (v instanceof Str s) {
      return strings.apply(s);
    }
    if (v instanceof Boolean b) {
      return new Value.Bool(b);
    }
    List<Value> items = new ArrayList<>();
    for (Object o : (List<?>) v) {
      items.add(value(o));
    }
    return new Value.ListOf(items);
  }
}
