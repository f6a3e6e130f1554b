package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import dev.compose2bake.source.SourceFile;
import dev.compose2bake.source.YamlLimits;
import dev.compose2bake.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads a Compose project the way Docker Compose does: finds the files, reads the env files,
 * settles the project name, then for each file interpolates, applies {@code !reset} and
 * {@code !override}, merges it over the files before it, and rewrites short syntaxes.
 */
public final class ProjectLoader {
  /** Compose's default file names, in its order of preference. */
  static final List<String> DEFAULT_FILES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
      "docker-compose.yaml");
  static final List<String> DEFAULT_OVERRIDES = List.of("compose.override.yml", "compose.override.yaml",
      "docker-compose.override.yml", "docker-compose.override.yaml");

  private final YamlLimits limits;
  private final YamlReader yaml;

  public ProjectLoader(YamlLimits limits) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
  }

  private Path cwd;
  private LoadRequest request;
  private final List<RequiredVariable> required = new ArrayList<>();

  public LoadedProject load(LoadRequest req, Diagnostics diags) {
    cwd = req.cwd().toAbsolutePath().normalize();
    request = req;
    Environment bootstrap = new Environment(req.processEnv());
    Path workDir = req.projectDirectory() == null ? cwd : cwd.resolve(req.projectDirectory()).normalize();
    // COMPOSE_* settings may come from the .env of the working directory (docker compose CLI).
    Map<String, String> workDotEnv = req.envFiles().isEmpty() ? readDotEnvQuietly(workDir, bootstrap) : Map.of();
    List<Path> files = new ArrayList<>();
    List<SourceFile> bakeFiles = new ArrayList<>();
    for (Path f : configFiles(req, cwd, workDir, bootstrap, workDotEnv, diags)) {
      // buildx takes a .hcl file for a bake file; it is merged over the Compose targets later.
      if (f != null && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".hcl")) {
        bakeFiles.add(ProjectFiles.read(cwd, f, null, limits.maxBytes()));
      } else {
        files.add(f);
      }
    }
    if (files.isEmpty()) {
      throw new CompileException(Diagnostic.error(null, "no Compose file among the files given",
          "name a Compose file with -f before the bake files"), true);
    }
    Path projectDir = req.projectDirectory() != null ? workDir
        : files.isEmpty() || files.get(0) == null ? cwd : files.get(0).getParent();

    Environment env = new Environment(req.processEnv());
    loadEnvFiles(req, cwd, projectDir, env);

    List<SourceFile> sources = new ArrayList<>();
    List<List<Node>> documents = new ArrayList<>();
    for (Path f : files) {
      SourceFile source = f == null ? readStdin(req) : ProjectFiles.read(cwd, f, null, limits.maxBytes());
      sources.add(source);
      documents.add(yaml.read(source));
    }

    String name = projectName(req, env, projectDir, documents, diags);
    env.override("COMPOSE_PROJECT_NAME", name);

    List<Path> chain = new ArrayList<>();
    for (SourceFile f : sources) {
      if (f.path() != null) {
        chain.add(f.path());
      }
    }
    MapNode dict = loadModel(sources, documents, projectDir, env, chain, diags);
    return new LoadedProject(dict, projectDir, name, env, sources, profiles(req, env), bakeFiles, List.copyOf(required));
  }

  /**
   * Loads the files of one project (the main one, or an included one) into one model: for each
   * document, in order, interpolation, {@code extends}, {@code include}, {@code !reset} and
   * {@code !override}, merging over what came before, then the canonical long syntax.
   */
  private MapNode loadModel(List<SourceFile> sources, List<List<Node>> documents, Path projectDir, Environment env,
      List<Path> chain, Diagnostics diags) {
    Extends extendsResolver = new Extends(projectDir, (file, ref) -> loadExtended(file, ref, env, projectDir, diags),
        limits.maxExpandedNodes());
    MapNode dict = null;
    for (int i = 0; i < sources.size(); i++) {
      SourceFile source = sources.get(i);
      List<Node> docs = documents.get(i);
      if (allNull(docs)) {
        throw new CompileException(Diagnostic.error(Position.ofFile(source), "the file is empty",
            "a Compose file needs at least a services: section"));
      }
      for (Node doc : docs) {
        if (doc instanceof ScalarNode s && s.isNull()) {
          continue;
        }
        MapNode map = topLevel(doc);
        List<TreePath> resets = new ArrayList<>();
        map = (MapNode) stripResets(map, TreePath.ROOT, resets);
        map = interpolate(map, env, diags);
        map = extendsResolver.apply(map, source.path() == null ? projectDir.resolve("-") : source.path());
        map = Includes.apply(map, projectDir, env, chain,
            (files, dir, childEnv, childChain, ref) -> loadIncluded(files, dir, childEnv, childChain, diags),
            this::readEnvFileInto, f -> ProjectFiles.displayName(cwd, f));
        if (dict != null) {
          for (TreePath p : resets) {
            dict = (MapNode) remove(dict, p, 0);
          }
        }
        MapNode merged = dict == null ? map : Merger.mergeMappings(dict, map, TreePath.ROOT);
        checkServiceCount(merged, source);
        merged = Unicity.apply(merged);
        merged = Canonical.apply(merged);
        dict = Unicity.apply(merged);
      }
    }
    if (dict == null || dict.isEmpty()) {
      throw new CompileException(Diagnostic.error(Position.ofFile(sources.get(0)), "the Compose file is empty",
          "add a services: section"));
    }
    return dict;
  }

  /** No document, or only empty ones (a loop: the first stream of a run costs more than this one check). */
  private static boolean allNull(List<Node> docs) {
    for (Node d : docs) {
      if (!(d instanceof ScalarNode s && s.isNull())) {
        return false;
      }
    }
    return true;
  }

  private SourceFile readStdin(LoadRequest req) {
    byte[] bytes = req.stdin().get();
    if (bytes.length > limits.maxBytes()) {
      throw new CompileException(Diagnostic.error(Position.ofFile(new SourceFile("-", null, "")),
          "standard input has more than the limit of " + limits.maxBytes() + " bytes",
          YamlLimits.raise(YamlLimits.BYTES, limits.maxBytes())));
    }
    return new SourceFile("-", null, ProjectFiles.decode("-", null, bytes));
  }

  /** The limit on services, checked as soon as a document is merged, before the costlier stages. */
  private void checkServiceCount(MapNode merged, SourceFile source) {
    if (merged.get("services") instanceof MapNode services && services.size() > limits.maxServices()) {
      MapNode.Entry e = merged.entry("services");
      throw new CompileException(Diagnostic.error(e.key().position(), "the project has " + services.size()
          + " services, more than the limit of " + limits.maxServices(),
          "no real project has that many; check for generated input, or convert parts of it with -f; "
              + YamlLimits.raise(YamlLimits.SERVICES, limits.maxServices())));
    }
  }

  private static MapNode topLevel(Node doc) {
    if (!(doc instanceof MapNode map)) {
      throw new CompileException(Diagnostic.error(doc.position(),
          "the top level of a Compose file must be a mapping, not " + doc.kindName(),
          "start the file with keys such as services:"));
    }
    return map;
  }

  private MapNode interpolate(MapNode map, Environment env, Diagnostics diags) {
    MapNode out = (MapNode) new Interpolation(env, diags, required, !env.hasOwnFileValues(),
        request.resolveVariables()).apply(map);
    if (diags.hasErrors()) {
      throw new StageFailed();
    }
    return out;
  }

  /** An included project: its files read and loaded with its own directory and environment. */
  private MapNode loadIncluded(List<Path> files, Path projectDir, Environment env, List<Path> chain,
      Diagnostics diags) {
    List<SourceFile> sources = new ArrayList<>();
    List<List<Node>> documents = new ArrayList<>();
    for (Path f : files) {
      SourceFile source = ProjectFiles.read(cwd, f, null, limits.maxBytes());
      sources.add(source);
      documents.add(yaml.read(source));
    }
    return loadModel(sources, documents, projectDir, env, chain, diags);
  }

  /** An extended file: interpolated and canonical, paths re-based; its own extends stay for the caller. */
  private MapNode loadExtended(Path file, Position reference, Environment env, Path projectDir, Diagnostics diags) {
    if (!Files.isRegularFile(file)) {
      throw new CompileException(Diagnostic.error(reference, "cannot read " + ProjectFiles.displayName(cwd, file)
          + ": no such file", "extends.file is relative to the project directory"), true);
    }
    SourceFile source = ProjectFiles.read(cwd, file, reference, limits.maxBytes());
    MapNode dict = null;
    for (Node doc : yaml.read(source)) {
      if (doc instanceof ScalarNode s && s.isNull()) {
        continue;
      }
      MapNode map = (MapNode) stripResets(topLevel(doc), TreePath.ROOT, new ArrayList<>());
      map = interpolate(map, env, diags);
      dict = dict == null ? map : Merger.mergeMappings(dict, map, TreePath.ROOT);
    }
    if (dict == null) {
      throw new CompileException(Diagnostic.error(reference, ProjectFiles.displayName(cwd, file) + " is empty", null));
    }
    dict = Unicity.apply(Canonical.apply(Unicity.apply(dict)));
    return Rebase.apply(dict, file.getParent(), projectDir);
  }

  private void readEnvFileInto(Path file, Position reference, Environment into) {
    SourceFile s = ProjectFiles.read(cwd, file, reference, limits.maxBytes());
    DotEnv.Parsed values;
    try {
      values = DotEnv.parseWithTemplates(s.text(), s.displayName(), into);
    } catch (DotEnvException e) {
      throw new CompileException(Diagnostic.error(new Position(s, e.line(), 1), "invalid env file: " + e.problem(),
          "an env file holds NAME=VALUE lines; quote values with spaces or special characters"));
    }
    into.addFile(s.displayName(), s.path(), values);
  }

  /** Signals that a stage recorded errors in the diagnostics and loading must stop. */
  public static final class StageFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StageFailed() {
      super(null, null, false, false);
    }
  }

  /**
   * Records the paths tagged {@code !reset} or {@code !override} and drops the {@code !reset}
   * values, as compose-go's reset processor does before a file is merged.
   */
  private static Node stripResets(Node node, TreePath path, List<TreePath> resets) {
    if (node instanceof MapNode m) {
      LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
      boolean changed = false;
      for (MapNode.Entry e : m.entries()) {
        Node v = e.value();
        TreePath p = path.next(e.name());
        if ("!reset".equals(v.tag())) {
          resets.add(p);
          changed = true;
          continue;
        }
        if ("!override".equals(v.tag())) {
          resets.add(p);
          v = v.withTag(null);
          changed = true;
        }
        Node s = stripResets(v, p, resets);
        changed |= s != e.value();
        out.put(e.name(), new MapNode.Entry(e.key(), s));
      }
      return changed ? new MapNode(out, m.position(), m.tag()) : m;
    }
    if (node instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>();
      boolean changed = false;
      for (Node item : seq.items()) {
        if ("!reset".equals(item.tag())) {
          changed = true;
          continue;
        }
        Node s = stripResets(item, path, resets);
        changed |= s != item;
        items.add(s);
      }
      return changed ? new SeqNode(items, seq.position(), seq.tag()) : seq;
    }
    return node;
  }

  private static Node remove(Node node, TreePath path, int depth) {
    if (!(node instanceof MapNode m) || depth >= path.length()) {
      return node;
    }
    String key = path.segment(depth);
    MapNode.Entry e = m.entry(key);
    if (e == null) {
      return node;
    }
    LinkedHashMap<String, MapNode.Entry> out = m.copyEntries();
    if (depth == path.length() - 1) {
      out.remove(key);
    } else {
      out.put(key, new MapNode.Entry(e.key(), remove(e.value(), path, depth + 1)));
    }
    return new MapNode(out, m.position(), m.tag());
  }

  /** The active profiles: --profile, else COMPOSE_PROFILES from the environment or the env files. */
  private static List<String> profiles(LoadRequest req, Environment env) {
    if (!req.profiles().isEmpty()) {
      return req.profiles();
    }
    List<String> out = new ArrayList<>();
    String fromEnv = env.get("COMPOSE_PROFILES");
    if (fromEnv != null) {
      for (String p : fromEnv.split(",")) {
        if (!p.isBlank()) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- files

  private List<Path> configFiles(LoadRequest req, Path cwd, Path workDir, Environment env,
      Map<String, String> workDotEnv, Diagnostics diags) {
    List<Path> out = new ArrayList<>();
    if (!req.files().isEmpty()) {
      for (String f : req.files()) {
        out.add(f.equals("-") ? null : cwd.resolve(f).normalize());
      }
      return out;
    }
    String composeFile = env.get("COMPOSE_FILE");
    if (composeFile == null) {
      composeFile = workDotEnv.get("COMPOSE_FILE");
    }
    if (composeFile != null && !composeFile.isEmpty()) {
      String sep = env.get("COMPOSE_PATH_SEPARATOR");
      if (sep == null) {
        sep = workDotEnv.getOrDefault("COMPOSE_PATH_SEPARATOR", java.io.File.pathSeparator);
      }
      for (String f : composeFile.split(java.util.regex.Pattern.quote(sep))) {
        if (!f.isEmpty()) {
          out.add(workDir.resolve(f).normalize());
        }
      }
      return out;
    }
    for (Path dir = workDir; dir != null; dir = dir.getParent()) {
      List<Path> found = existing(dir, DEFAULT_FILES);
      if (found.isEmpty()) {
        continue;
      }
      if (found.size() > 1) {
        diags.warning(null, "found several Compose files: " + names(cwd, found) + "; using "
            + ProjectFiles.displayName(cwd, found.get(0)), "remove the files you do not use, or name one with -f");
      }
      out.add(found.get(0));
      List<Path> overrides = existing(dir, DEFAULT_OVERRIDES);
      if (overrides.size() > 1) {
        diags.warning(null, "found several override files: " + names(cwd, overrides) + "; using "
            + ProjectFiles.displayName(cwd, overrides.get(0)), null);
      }
      if (!overrides.isEmpty()) {
        out.add(overrides.get(0));
      }
      return out;
    }
    throw new CompileException(Diagnostic.error(null, "no Compose file found in " + workDir
        + " or its parent folders", "name one with -f, e.g. compose2bake -f compose.yaml"), true);
  }

  private static List<Path> existing(Path dir, List<String> names) {
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      Path p = dir.resolve(n);
      if (Files.isRegularFile(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static String names(Path cwd, List<Path> files) {
    List<String> n = new ArrayList<>();
    for (Path f : files) {
      n.add(ProjectFiles.displayName(cwd, f));
    }
    return String.join(", ", n);
  }

  // ---------------------------------------------------------------- env files

  private Map<String, String> readDotEnvQuietly(Path dir, Environment env) {
    Path f = dir.resolve(".env");
    if (!Files.isRegularFile(f)) {
      return Map.of();
    }
    try {
      SourceFile s = ProjectFiles.read(dir, f, null, limits.maxBytes());
      return DotEnv.parse(s.text(), s.displayName(), env);
    } catch (RuntimeException e) {
      return Map.of(); // reported properly when the project's own .env is read
    }
  }

  private void loadEnvFiles(LoadRequest req, Path cwd, Path projectDir, Environment env) {
    List<String> envFiles = req.envFiles();
    if (envFiles.isEmpty()) {
      String fromEnv = env.get("COMPOSE_ENV_FILES");
      if (fromEnv != null && !fromEnv.isEmpty()) {
        envFiles = Arrays.asList(fromEnv.split(","));
      }
    }
    if (envFiles.isEmpty()) {
      Path dotenv = projectDir.resolve(".env");
      if (Files.isRegularFile(dotenv)) {
        readEnvFileInto(dotenv, null, env);
      }
      return;
    }
    for (String f : envFiles) {
      readEnvFileInto(cwd.resolve(f).normalize(), null, env);
    }
  }


  // ---------------------------------------------------------------- project name

  private String projectName(LoadRequest req, Environment env, Path projectDir, List<List<Node>> documents,
      Diagnostics diags) {
    if (req.projectName() != null) {
      String n = req.projectName();
      if (!n.equals(normalizeProjectName(n)) || n.isEmpty()) {
        throw new CompileException(Diagnostic.error(null, "invalid project name \"" + n + "\"",
            "a project name has only lower-case letters, digits, '-' and '_', and starts with a letter or digit"));
      }
      return n;
    }
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return normalizeProjectName(fromEnv);
    }
    String fromFile = null;
    for (List<Node> docs : documents) {
      for (Node d : docs) {
        if (d instanceof MapNode m && m.get("name") instanceof ScalarNode s && !s.isNull()) {
          Node v = new Interpolation(env, diags, new ArrayList<>(), false, true).apply(s);
          fromFile = ((ScalarNode) v).text();
        }
      }
    }
    if (fromFile != null && !fromFile.isEmpty()) {
      return normalizeProjectName(fromFile);
    }
    Path fileName = projectDir.getFileName();
    return normalizeProjectName(fileName == null ? "" : fileName.toString());
  }

  /** compose-go's NormalizeProjectName: lower case, only [a-z0-9_-], no leading '_' or '-'. */
  public static String normalizeProjectName(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        b.append(c);
      }
    }
    int start = 0;
    while (start < b.length() && (b.charAt(start) == '_' || b.charAt(start) == '-')) {
      start++;
    }
    return b.substring(start);
  }
}
