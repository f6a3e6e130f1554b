package dev.compose2bake.interp;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A string with Compose variable interpolation ({@code $VAR}, {@code ${VAR:-default}}, {@code $$}, ...), parsed
 * into an immutable list of {@link Part}s. Parsing needs no variables; {@link #evaluate} resolves them with the
 * semantics of compose-go v2, the library behind {@code docker compose} and {@code docker buildx bake}.
 */
public final class Template {

  private static final Template EMPTY = new Template("", List.of());

  private final String source;
  private final List<Part> parts;

  Template(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  static Template literal(String text) {
    return text.isEmpty() ? EMPTY : new Template(text, List.of(new Part.Literal(text)));
  }

  /**
   * Parses {@code text}.
   *
   * @throws InterpolationException ({@link InterpolationException.Kind#INVALID_FORMAT}) if a '${' does not
   *     start a valid substitution anywhere in the text, including inside defaults and messages
   */
  public static Template parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.indexOf('$') < 0) {
      return literal(text);
    }
    try {
      return TemplateParser.parse(text);
    } catch (StackOverflowError e) {
      throw InterpolationException.tooDeep(text);
    }
  }

  /** A template made of the given parts, with a canonical source text. */
  static Template of(List<Part> parts) {
    List<Part> merged = new java.util.ArrayList<>();
    for (Part p : parts) {
      if (p instanceof Part.Literal l && l.text().isEmpty()) {
        continue;
      }
      if (p instanceof Part.Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Part.Literal prev) {
        merged.set(merged.size() - 1, new Part.Literal(prev.text() + l.text()));
      } else {
        merged.add(p);
      }
    }
    StringBuilder source = new StringBuilder();
    for (Part p : merged) {
      if (p instanceof Part.Literal l) {
        source.append(l.text().replace("$", "$$"));
      } else if (p instanceof Part.Variable v) {
        source.append("${").append(v.name()).append('}');
      } else {
        Part.Operation o = (Part.Operation) p;
        source.append("${").append(o.name()).append(o.op().token()).append(o.argument().source()).append('}');
      }
    }
    return merged.isEmpty() ? EMPTY : new Template(source.toString(), merged);
  }

  /** The template {@code ${NAME}}. */
  public static Template reference(String name) {
    return of(List.of(new Part.Variable(name, true)));
  }

  /** This template with literal text in front, as when Compose turns {@code K: v} into {@code K=v}. */
  public Template prefixed(String prefix) {
    List<Part> p = new java.util.ArrayList<>();
    p.add(new Part.Literal(prefix));
    p.addAll(parts);
    return of(p);
  }

  /**
   * This template without the first {@code n} characters of its value, when they are literal text
   * (as when Compose splits {@code K=${V}} at '='); null when a variable reaches into them.
   */
  public Template dropPrefix(int n) {
    if (n == 0) {
      return this;
    }
    if (parts.isEmpty() || !(parts.get(0) instanceof Part.Literal first) || first.text().length() < n) {
      return null;
    }
    List<Part> p = new java.util.ArrayList<>();
    p.add(new Part.Literal(first.text().substring(n)));
    p.addAll(parts.subList(1, parts.size()));
    return of(p);
  }

  /** The text this template was parsed from. */
  public String source() {
    return source;
  }

  /** The parts in order; adjacent literal text is merged into one {@link Part.Literal}. */
  public List<Part> parts() {
    return parts;
  }

  /** Whether the template references no variable (it may still contain {@code $$} escapes). */
  public boolean isLiteral() {
    return parts.isEmpty() || (parts.size() == 1 && parts.get(0) instanceof Part.Literal);
  }

  /**
   * The value of a template without variables, e.g. {@code "a$b"} for {@code "a$$b"}.
   *
   * @throws IllegalStateException if the template references variables
   */
  public String literalValue() {
    if (!isLiteral()) {
      throw new IllegalStateException("template references variables: " + source);
    }
    return parts.isEmpty() ? "" : ((Part.Literal) parts.get(0)).text();
  }

  /** The names of all variables referenced, including inside defaults, messages and alternatives, in order. */
  public Set<String> variableNames() {
    Set<String> names = new LinkedHashSet<>();
    collectNames(names);
    return Collections.unmodifiableSet(names);
  }

  private void collectNames(Set<String> names) {
    for (Part part : parts) {
      if (part instanceof Part.Variable variable) {
        names.add(variable.name());
      } else if (part instanceof Part.Operation operation) {
        names.add(operation.name());
        operation.argument().collectNames(names);
      }
    }
  }

  /** {@link #evaluate(Lookup, Consumer)} ignoring unset variables. */
  public String evaluate(Lookup env) {
    return evaluate(env, warning -> { });
  }

  /**
   * Substitutes the variables from {@code env}. An unset plain variable becomes "" and its name is passed to
   * {@code warnings} (compose-go warns about it).
   *
   * @throws InterpolationException ({@link InterpolationException.Kind#MISSING_REQUIRED}) if a required
   *     variable has no value
   */
  public String evaluate(Lookup env, Consumer<String> warnings) {
    return evaluate(env, warnings, false);
  }

  /**
   * Like {@link #evaluate(Lookup, Consumer)}, but with {@code lenient} a missing required variable
   * gives "" instead of an error: for output that keeps the check for when bake runs.
   */
  public String evaluate(Lookup env, Consumer<String> warnings, boolean lenient) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(warnings, "warnings");
    if (isLiteral()) {
      return literalValue();
    }
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Part.Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Part.Variable variable) {
        out.append(plainValue(variable.name(), env, warnings));
      } else {
        out.append(apply((Part.Operation) part, env, warnings, lenient));
      }
    }
    return out.toString();
  }

  private static String plainValue(String name, Lookup env, Consumer<String> warnings) {
    String value = env.get(name);
    if (value == null) {
      warnings.accept(name);
      return "";
    }
    return value;
  }

  private static String apply(Part.Operation operation, Lookup env, Consumer<String> warnings, boolean lenient) {
    // compose-go evaluates the argument before looking at the variable: its warnings and errors always happen.
    String argument = operation.argument().evaluate(env, warnings, lenient);
    String value = env.get(operation.name());
    boolean set = value != null;
    boolean nonEmpty = set && !value.isEmpty();
    return switch (operation.op()) {
      case DEFAULT_IF_UNSET_OR_EMPTY -> nonEmpty ? value : argument;
      case DEFAULT_IF_UNSET -> set ? value : argument;
      case ALT_IF_NON_EMPTY -> nonEmpty ? argument : "";
      case ALT_IF_SET -> set ? argument : "";
      case REQUIRED_NON_EMPTY -> lenient && !nonEmpty ? "" : require(nonEmpty, operation.name(), value, argument);
      case REQUIRED -> lenient && !set ? "" : require(set, operation.name(), value, argument);
    };
  }

  private static String require(boolean present, String name, String value, String message) {
    if (!present) {
      throw InterpolationException.missingRequired(name, message);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Template template && template.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /** The source text. */
  @Override
  public String toString() {
    return source;
  }
}
