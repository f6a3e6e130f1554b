package dev.compose2bake.emit;

import dev.compose2bake.interp.Part;
import dev.compose2bake.interp.Template;
import dev.compose2bake.lower.VariablePlan;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Compose template as a bake template with the same meaning under any environment. With
 * a variable {@code X} that may be null (unset) the forms are:
 * <pre>
 *   ${X}      X != null ? X : ""           ${X:-d}   X != null &amp;&amp; X != "" ? X : "d"
 *   ${X-d}    X != null ? X : "d"          ${X:+a}   X != null &amp;&amp; X != "" ? "a" : ""
 *   ${X+a}    X != null ? "a" : ""         ${X:?e}, ${X?e}   X (checked by a validation)
 * </pre>
 * and without the null tests when the variable's default is "" (it is then never null). Defaults
 * and alternatives are templates themselves, written as nested HCL strings. An optional value (a
 * build arg taken from the environment) is the bare {@code ${X}}, which bake leaves out when null.
 */
public final class Expressions {
  private final VariablePlan.Plan plan;

  public Expressions(VariablePlan.Plan plan) {
    this.plan = plan;
  }

  public Value.Text text(Str s) {
    if (s.optional() && s.template() != null && !plan.resolved().containsKey(name(s.template()))) {
      return new Value.Text(List.of(new Value.Segment(name(s.template()), true)));
    }
    if (!s.hasVariables()) {
      return Value.Text.literal(s.value() == null ? "" : s.value());
    }
    List<Value.Segment> out = new ArrayList<>();
    for (Part p : s.template().parts()) {
      if (p instanceof Part.Literal l) {
        out.add(new Value.Segment(l.text(), false));
      } else {
        String name = p instanceof Part.Variable v ? v.name() : ((Part.Operation) p).name();
        if (plan.resolved().containsKey(name)) {
          out.add(new Value.Segment(resolvedPart(p), false));
        } else {
          out.add(new Value.Segment(expression(p), true));
        }
      }
    }
    return merge(out);
  }

  /** The variable an optional value refers to. */
  private static String name(Template t) {
    return ((Part.Variable) t.parts().get(0)).name();
  }

  private String resolvedPart(Part p) {
    String name = p instanceof Part.Variable v ? v.name() : ((Part.Operation) p).name();
    String value = plan.resolved().get(name);
    if (p instanceof Part.Operation op) {
      boolean set = true;
      boolean nonEmpty = !value.isEmpty();
      return switch (op.op()) {
        case DEFAULT_IF_UNSET_OR_EMPTY -> nonEmpty ? value : literalOf(op.argument());
        case DEFAULT_IF_UNSET, REQUIRED, REQUIRED_NON_EMPTY -> value;
        case ALT_IF_NON_EMPTY -> nonEmpty ? literalOf(op.argument()) : "";
        case ALT_IF_SET -> set ? literalOf(op.argument()) : "";
      };
    }
    return value;
  }

  private static String literalOf(Template t) {
    return t.isLiteral() ? t.literalValue() : t.source();
  }

  /** The HCL expression of one variable part. */
  private String expression(Part p) {
    if (p instanceof Part.Variable v) {
      return nullable(v.name()) ? v.name() + " != null ? " + v.name() + " : \"\"" : v.name();
    }
    Part.Operation op = (Part.Operation) p;
    String x = op.name();
    boolean n = nullable(x);
    String set = x + " != null";
    String nonEmpty = n ? x + " != null && " + x + " != \"\"" : x + " != \"\"";
    String arg = quoted(op.argument());
    return switch (op.op()) {
      case DEFAULT_IF_UNSET_OR_EMPTY -> nonEmpty + " ? " + x + " : " + arg;
      case DEFAULT_IF_UNSET -> n ? set + " ? " + x + " : " + arg : x;
      case ALT_IF_NON_EMPTY -> nonEmpty + " ? " + arg + " : \"\"";
      case ALT_IF_SET -> n ? set + " ? " + arg + " : \"\"" : arg;
      case REQUIRED, REQUIRED_NON_EMPTY -> n ? set + " ? " + x + " : \"\"" : x;
    };
  }

  private boolean nullable(String name) {
    return plan.nullable().contains(name) && !hasDefault(name);
  }

  private boolean hasDefault(String name) {
    for (var v : plan.variables()) {
      if (v.name().equals(name)) {
        return v.defaultValue() != null;
      }
    }
    return false;
  }

  /** A nested template as an HCL quoted string: {@code "d"} or {@code "pre-${Y}-post"}. */
  private String quoted(Template t) {
    List<Value.Segment> segs = new ArrayList<>();
    for (Part p : t.parts()) {
      if (p instanceof Part.Literal l) {
        segs.add(new Value.Segment(l.text(), false));
      } else {
        String name = p instanceof Part.Variable v ? v.name() : ((Part.Operation) p).name();
        segs.add(plan.resolved().containsKey(name) ? new Value.Segment(resolvedPart(p), false)
            : new Value.Segment(expression(p), true));
      }
    }
    return '"' + Escapes.template(merge(segs), HclWriter::escapeQuoted) + '"';
  }

  private static Value.Text merge(List<Value.Segment> segs) {
    List<Value.Segment> out = new ArrayList<>();
    for (Value.Segment s : segs) {
      if (!s.expression() && !out.isEmpty() && !out.get(out.size() - 1).expression()) {
        out.set(out.size() - 1, new Value.Segment(out.get(out.size() - 1).text() + s.text(), false));
      } else if (s.expression() || !s.text().isEmpty()) {
        out.add(s);
      }
    }
    if (out.isEmpty()) {
      out.add(new Value.Segment("", false));
    }
    return new Value.Text(out);
  }
}
