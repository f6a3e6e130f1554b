package dev.compose2bake.compose;

import dev.compose2bake.interp.Lookup;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Compose interpolates with: the process environment first, then the values of the
 * project's env files ({@code .env}, or every {@code --env-file} in order, later files winning).
 * It remembers which file each file value came from, for messages and for bake variable defaults.
 */
public final class Environment implements Lookup {
  private final Map<String, String> process;
  private final Map<String, String> fileValues = new LinkedHashMap<>();
  private final Map<String, String> fileOrigins = new LinkedHashMap<>();
  private final Map<String, java.nio.file.Path> filePaths = new LinkedHashMap<>();
  private final Map<String, dev.compose2bake.interp.Template> fileTemplates = new LinkedHashMap<>();
  private final Map<String, String> overrides = new LinkedHashMap<>();
  private final Environment parent;

  public Environment(Map<String, String> process) {
    this(process, null);
  }

  private Environment(Map<String, String> process, Environment parent) {
    this.process = Collections.unmodifiableMap(new LinkedHashMap<>(process));
    this.parent = parent;
  }

  /**
   * The environment of an included project: every variable of this one wins, and the included
   * project's own env files only add the variables this one does not set (compose-go include).
   */
  public Environment forInclude() {
    return new Environment(process, this);
  }

  /** Adds the variables of one env file; the process environment still wins over them. */
  public void addFile(String origin, java.nio.file.Path path, DotEnv.Parsed parsed) {
    for (Map.Entry<String, String> e : parsed.values().entrySet()) {
      fileValues.put(e.getKey(), e.getValue());
      fileOrigins.put(e.getKey(), origin);
      filePaths.put(e.getKey(), path);
      if (parsed.templates().containsKey(e.getKey())) {
        fileTemplates.put(e.getKey(), parsed.templates().get(e.getKey()));
      } else {
        fileTemplates.remove(e.getKey());
      }
    }
  }

  /** The template of an env-file value written with variables ({@code E=${A}-x}), or null. */
  public dev.compose2bake.interp.Template fileTemplate(String name) {
    return parent == null ? fileTemplates.get(name) : null;
  }

  /**
   * True for an included project whose own env files define variables: its values must be
   * resolved, since one bake variable cannot mean two things.
   */
  public boolean hasOwnFileValues() {
    return parent != null && !fileValues.isEmpty();
  }

  /** The value an env file gives the variable (the process environment aside), or null. */
  public String fileValue(String name) {
    return parent == null ? fileValues.get(name) : null;
  }

  /** The env file that gives the variable a value (the process environment aside), or null. */
  public java.nio.file.Path fileSource(String name) {
    return parent == null ? filePaths.get(name) : null;
  }

  /** Sets a variable that wins over everything (Compose sets COMPOSE_PROJECT_NAME this way). */
  public void override(String name, String value) {
    overrides.put(name, value);
  }

  @Override
  public String get(String name) {
    if (parent != null) {
      String p = parent.get(name);
      if (p != null) {
        return p;
      }
      return fileValues.get(name);
    }
    String v = overrides.get(name);
    if (v != null) {
      return v;
    }
    v = process.get(name);
    return v != null ? v : fileValues.get(name);
  }

  /** The variable's value from the process environment only, or null. */
  public String process(String name) {
    return process.get(name);
  }

  /** The env file a value comes from, or null when it comes from the process or is unset. */
  public String fileOrigin(String name) {
    if (parent != null) {
      String o = parent.fileOrigin(name);
      return o != null || parent.get(name) != null ? o : fileOrigins.get(name);
    }
    if (overrides.containsKey(name) || process.containsKey(name)) {
      return null;
    }
    return fileOrigins.get(name);
  }

  public Map<String, String> processVariables() {
    return process;
  }

}
