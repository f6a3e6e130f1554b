package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One build secret as bake prints it: {@code {"id":"x","src":"./f"}} or {@code {"id":"y","env":"E"}}
 * (keys in that order, empty ones left out). Empty strings stand for absent fields.
 *
 * <p>{@link #parse} follows buildx {@code buildflags.Secret.UnmarshalText} for x-bake
 * {@code secret} strings; {@link #fromCompose} follows {@code composeToBuildkitSecret}, where the id
 * is the service secret's {@code source} (never its {@code target}).
 */
public record Secret(String id, String src, String env) {

  /** Replaces nulls with empty strings. */
  public Secret {
    id = id == null ? "" : id;
    src = src == null ? "" : src;
    env = env == null ? "" : env;
  }

  /**
   * Parses {@code id=x,src=./f}, {@code id=y,env=E}, {@code type=env,id=y,src=E} (the source is
   * then the variable name), {@code source=} as a synonym of {@code src=}. Keys are
   * case-insensitive; {@code type} must be exactly {@code file} or {@code env}.
   *
   * @throws LowerException {@code unexpected key 'colour' in 'colour=blue'}, {@code invalid field
   *     'x' must be a key=value pair}, {@code unsupported secret type "foo"}, or
   *     {@code failed to parse csv secret: <csv error>}
   */
  public static Secret parse(String value) {
    List<String> fields;
    try {
      fields = Csv.fields(value);
    } catch (LowerException e) {
      throw e.wrap("failed to parse csv secret", null);
    }
    String id = "";
    String src = "";
    String env = "";
    String typ = "";
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new LowerException("invalid field '" + field + "' must be a key=value pair",
            "write the secret as id=NAME,src=FILE or id=NAME,env=VARIABLE");
      }
      String key = GoStrconv.toLower(field.substring(0, eq));
      String v = field.substring(eq + 1);
      switch (key) {
        case "type":
          if (!v.equals("file") && !v.equals("env")) {
            throw new LowerException("unsupported secret type " + GoStrconv.quote(v),
                "type is file or env (lower case)");
          }
          typ = v;
          break;
        case "id":
          id = v;
          break;
        case "source":
        case "src":
          src = v;
          break;
        case "env":
          env = v;
          break;
        default:
          throw new LowerException("unexpected key '" + key + "' in '" + field + "'",
              "secret keys are id, src (or source), env and type");
      }
    }
    if (typ.equals("env") && env.isEmpty()) {
      env = src;
      src = "";
    }
    return new Secret(id, src, env);
  }

  /** Parses a list the way bake does ({@code parseArrValue}): empty strings are skipped. */
  public static List<Secret> parseAll(List<String> values) {
    return Csv.parseEach(values, Secret::parse);
  }

  /**
   * A Compose build secret: the service's {@code source} name and the top-level secret's
   * {@code file} (already resolved by the caller) or {@code environment}.
   */
  public static Secret fromCompose(String source, String file, String environment) {
    return new Secret(source, file, environment);
  }

  /**
   * buildx's de-duplication of secrets by id: the first occurrence keeps its position and the
   * last one supplies the value ({@code [a=A, b=B, a=C]} gives {@code [a=C, b=B]}).
   */
  public static List<Secret> dedupById(List<Secret> secrets) {
    return Dedup.lastWinsAtFirstPosition(secrets, Secret::id);
  }

  /** What bake prints for a Compose service: Compose secrets then x-bake ones, by id. */
  public static List<Secret> forCompose(List<Secret> compose, List<String> xbake) {
    List<Secret> all = new ArrayList<>(compose);
    all.addAll(parseAll(xbake));
    return dedupById(all);
  }

  /**
   * The checks buildx makes while preparing the build (also during {@code --print}) that do not
   * need the filesystem: every secret needs an id.
   *
   * @throws LowerException {@code secret missing ID}
   */
  public static void validateForBuild(List<Secret> secrets) {
    for (Secret s : secrets) {
      if (s.id.isEmpty()) {
        throw new LowerException("secret missing ID", "add id=NAME to the secret");
      }
    }
  }

  /**
   * The file buildx stats during {@code --print} for this secret, or null when it reads an
   * environment variable. With neither {@code src} nor {@code env}, buildx uses the id as a
   * variable name if such a variable is set in its environment, and as a file path otherwise;
   * {@code idIsSetVariable} says which.
   */
  public String fileToCheck(boolean idIsSetVariable) {
    if (!src.isEmpty()) {
      return src;
    }
    if (!env.isEmpty()) {
      return null;
    }
    return idIsSetVariable ? null : id;
  }

  /** The object bake prints: {@code id}, {@code src}, {@code env} in that order, empty ones omitted. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!id.isEmpty()) {
      m.put("id", id);
    }
    if (!src.isEmpty()) {
      m.put("src", src);
    }
    if (!env.isEmpty()) {
      m.put("env", env);
    }
    return Collections.unmodifiableMap(m);
  }

  /** The CSV form: {@code id=..,src=..,env=..}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    append(sb, "id", id);
    append(sb, "src", src);
    append(sb, "env", env);
    return sb.toString();
  }

  private static void append(StringBuilder sb, String k, String v) {
    if (!v.isEmpty()) {
      sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v);
    }
  }
}
