package dev.compose2bake.lower;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.Environment;
import dev.compose2bake.compose.RequiredVariable;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.interp.Part;
import dev.compose2bake.interp.Template;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.BakeVariable;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Ascii;
import dev.compose2bake.source.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides the bake variables of a kept (non-resolved) output: one per Compose variable that a
 * written value uses or that Compose requires somewhere in the project. A variable defaults to null
 * when some use must tell "unset" from "empty" ({@code ${V-d}}, {@code ${V+a}}, {@code ${V?e}}, a
 * build arg looked up in the environment), else to "". Values from the project's env files become
 * defaults as {@code --env-defaults} says; the process environment never does, so the file is the
 * same on every machine. Variables that cannot be bake variables (the project name, names bake
 * reserves) are written with their value, with a warning.
 */
public final class VariablePlan {

  /** Which env-file values become variable defaults. */
  public enum EnvDefaults {
    /** Every one. */
    ALL,
    /** Every one except credential-like names (the default). */
    SAFE,
    /** None. */
    NONE
  }

  /** The plan: the variable blocks, which variables may be null, and the variables written as values. */
  public record Plan(List<BakeVariable> variables, Set<String> nullable, Map<String, String> resolved) {}

  /** Words that make a name look like a credential (SPEC §4). */
  private static final Set<String> CREDENTIAL_WORDS = Set.of("TOKEN", "TOKENS", "PASSWORD", "PASSWORDS", "PASSWD",
      "PASS", "PASSPHRASE", "SECRET", "SECRETS", "KEY", "KEYS", "APIKEY", "AUTH", "CREDENTIAL", "CREDENTIALS", "CREDS",
      "PRIVATE", "PAT", "COOKIE", "SESSION", "SIGNATURE", "SALT", "CERT", "PEM");

  /** Names that cannot be bake variables: bake's own, HCL's literals, and the Compose project name. */
  private static final Set<String> NOT_VARIABLES = Set.of("COMPOSE_PROJECT_NAME", "BAKE_CMD_CONTEXT",
      "BAKE_LOCAL_PLATFORM", "true", "false", "null");

  private VariablePlan() {}

  public static boolean looksLikeCredential(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.contains("TOKEN") || upper.contains("PASSWORD") || upper.contains("SECRET")) {
      return true;
    }
    for (String w : Ascii.words(name)) {
      if (CREDENTIAL_WORDS.contains(w.toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  public static Plan build(ComposeProject project, List<BakeTarget> targets, EnvDefaults mode,
      java.nio.file.Path outputDir, Diagnostics diags) {
    Set<String> used = new TreeSet<>();
    Set<String> nullable = new TreeSet<>();
    for (BakeTarget t : targets) {
      t.forEachStr(s -> {
        if (s.template() == null) {
          return;
        }
        collect(s.template(), used, nullable);
        if (s.optional()) {
          nullable.addAll(s.template().variableNames());
        }
      });
    }
    Map<String, List<BakeVariable.Validation>> validations = new TreeMap<>();
    Map<String, Position> requiredAt = new TreeMap<>();
    for (RequiredVariable r : project.requiredVariables()) {
      used.add(r.name());
      requiredAt.putIfAbsent(r.name(), r.position());
      if (!r.nonEmpty()) {
        nullable.add(r.name());
      }
    }
    Map<String, String> resolved = new TreeMap<>();
    Environment env = project.environment();
    // Env-file values written with variables ({@code E=${A}-x}) become defaults that use them.
    Environment envFiles = project.environment();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(used);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Template t = envFiles.fileTemplate(name);
      if (t != null && mode != EnvDefaults.NONE && !t.variableNames().contains(name)) {
        Set<String> before = new TreeSet<>(used);
        collect(t, used, nullable);
        for (String n : used) {
          if (!before.contains(n)) {
            todo.push(n);
          }
        }
      }
    }
    for (String name : used) {
      if (NOT_VARIABLES.contains(name)) {
        resolved.put(name, env.get(name) == null ? "" : env.get(name));
        diags.warning(null, "${" + name + "} is written with its value (" + resolved.get(name) + ")",
            name.equals("COMPOSE_PROJECT_NAME") ? "the project name is settled when the file is generated"
                : name + " cannot be the name of a bake variable");
      }
    }
    for (RequiredVariable r : project.requiredVariables()) {
      if (resolved.containsKey(r.name())) {
        continue;
      }
      String x = r.name();
      String condition = r.nonEmpty()
          ? (nullable.contains(x) ? x + " != null && " + x + " != \"\"" : x + " != \"\"") : x + " != null";
      String message = message(r);
      List<BakeVariable.Validation> list = validations.computeIfAbsent(x, k -> new ArrayList<>());
      BakeVariable.Validation v = new BakeVariable.Validation(condition, message);
      if (!list.contains(v)) {
        list.add(v);
      }
    }
    List<BakeVariable> out = new ArrayList<>();
    for (String name : used) {
      if (resolved.containsKey(name)) {
        continue;
      }
      String fileValue = env.fileValue(name);
      Template fileTemplate = env.fileTemplate(name);
      java.nio.file.Path source = env.fileSource(name);
      String origin = source == null ? null : outputDir.toAbsolutePath().normalize().relativize(source).toString();
      Str dflt = null;
      String comment = null;
      if (fileValue != null && mode != EnvDefaults.NONE) {
        if (mode == EnvDefaults.SAFE && looksLikeCredential(name)) {
          diags.warning(requiredAt.get(name), "the value of " + name + " in " + (origin == null ? "the env file" : origin)
              + " is not written into the bake file: the name looks like a credential",
              "pass " + name + " in the environment when you run bake, or use --env-defaults all to write it");
        } else {
          boolean selfReference = fileTemplate != null && fileTemplate.variableNames().contains(name);
          dflt = new Str(fileValue, selfReference ? null : fileTemplate);
          comment = "default from " + (origin == null ? "the env file" : origin);
        }
      }
      out.add(new BakeVariable(name, dflt, dflt == null && nullable.contains(name), comment,
          validations.getOrDefault(name, List.of())));
    }
    return new Plan(out, nullable, resolved);
  }

  /** Compose's wording of a missing required variable. */
  private static String message(RequiredVariable r) {
    Template m = r.message();
    String text = m.isLiteral() ? m.literalValue() : m.source();
    return "required variable " + r.name() + " is missing a value" + (text.isEmpty() ? "" : ": " + text);
  }

  private static void collect(Template t, Set<String> used, Set<String> nullable) {
    for (Part p : t.parts()) {
      if (p instanceof Part.Variable v) {
        used.add(v.name());
      } else if (p instanceof Part.Operation op) {
        used.add(op.name());
        if (op.op() == Part.Op.DEFAULT_IF_UNSET || op.op() == Part.Op.ALT_IF_SET || op.op() == Part.Op.REQUIRED) {
          nullable.add(op.name());
        }
        collect(op.argument(), used, nullable);
      }
    }
  }
}
