package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Top-level {@code include} (Compose specification): each entry loads another Compose project (its
 * files merged in order, its own project directory and env files), re-bases its paths onto the
 * including project's directory, and imports its services and other resources. A resource defined
 * on both sides must be identical; an include cycle is an error naming the chain.
 */
final class Includes {
  /** Loads an included project's files into one model whose paths are relative to its directory. */
  interface ProjectModelLoader {
    MapNode load(List<Path> files, Path projectDir, Environment env, List<Path> chain, Position reference);
  }

  private static final List<String> RESOURCES = List.of("services", "secrets", "configs", "volumes", "networks",
      "models");

  private Includes() {}

  static MapNode apply(MapNode doc, Path workingDir, Environment env, List<Path> chain, ProjectModelLoader loader,
      EnvFileReader envFiles, Function<Path, String> display) {
    Node include = doc.get("include");
    if (include == null) {
      return doc;
    }
    LinkedHashMap<String, MapNode.Entry> out = doc.copyEntries();
    out.remove("include");
    if (include instanceof ScalarNode s && s.isNull()) {
      return new MapNode(out, doc.position(), doc.tag());
    }
    if (!(include instanceof SeqNode entries)) {
      throw fail(include.position(), "include must be a list", "write include: [path/to/compose.yaml]");
    }
    for (Node entry : entries.items()) {
      MapNode imported = load(entry, workingDir, env, chain, loader, envFiles, display);
      for (String kind : RESOURCES) {
        importResources(out, imported, kind, entry.position());
      }
    }
    return new MapNode(out, doc.position(), doc.tag());
  }

  private static MapNode load(Node entry, Path workingDir, Environment env, List<Path> chain,
      ProjectModelLoader loader, EnvFileReader envFiles, Function<Path, String> display) {
    List<ScalarNode> paths = new ArrayList<>();
    Node projectDirectory = null;
    List<ScalarNode> envFileNames = new ArrayList<>();
    if (entry instanceof ScalarNode s && s.isString()) {
      paths.add(s);
    } else if (entry instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        switch (e.name()) {
          case "path" -> paths.addAll(strings(e.value(), "include path"));
          case "project_directory" -> projectDirectory = e.value();
          case "env_file" -> envFileNames.addAll(strings(e.value(), "include env_file"));
          default -> {
            if (!e.name().startsWith("x-")) {
              throw fail(e.key().position(), "unknown include option \"" + e.name() + "\"",
                  "use path:, project_directory: and env_file:");
            }
          }
        }
      }
    } else {
      throw fail(entry.position(), "an include entry must be a path or a mapping with path:", null);
    }
    if (paths.isEmpty()) {
      throw fail(entry.position(), "this include entry has no path", "add path: with the Compose file to include");
    }
    List<Path> files = new ArrayList<>();
    for (ScalarNode p : paths) {
      Path f = workingDir.resolve(p.text()).normalize();
      if (!Files.isRegularFile(f)) {
        throw new CompileException(Diagnostic.error(p.position(), "cannot include " + p.text() + ": no such file",
            "paths in include: are relative to " + ProjectFiles.displayName(workingDir, workingDir)
                + " (the including project's directory)"), true);
      }
      if (chain.contains(f)) {
        List<String> names = new ArrayList<>();
        for (Path c : chain) {
          names.add(display.apply(c));
        }
        names.add(display.apply(f));
        throw fail(p.position(), "include cycle: " + String.join(" -> ", names),
            "a file cannot include itself, directly or through other files");
      }
      files.add(f);
    }
    Path projectDir;
    if (projectDirectory instanceof ScalarNode pd && pd.isString()) {
      projectDir = workingDir.resolve(pd.text()).normalize();
      // compose-go's local loader falls back to the parent when the directory does not exist.
      if (!Files.isDirectory(projectDir)) {
        projectDir = projectDir.getParent();
      }
    } else if (projectDirectory != null && !(projectDirectory instanceof ScalarNode n && n.isNull())) {
      throw fail(projectDirectory.position(), "include project_directory must be a path", null);
    } else {
      projectDir = files.get(0).getParent();
    }
    Environment child = env.forInclude();
    if (envFileNames.isEmpty()) {
      Path dotenv = projectDir.resolve(".env");
      if (Files.isRegularFile(dotenv)) {
        envFiles.read(dotenv, null, child);
      }
    } else {
      for (ScalarNode name : envFileNames) {
        if (name.text().equals("/dev/null")) {
          continue;
        }
        Path f = workingDir.resolve(name.text()).normalize();
        if (!Files.isRegularFile(f)) {
          throw new CompileException(Diagnostic.error(name.position(), "env file " + name.text() + " not found",
              "env_file paths of an include are relative to the including project's directory"), true);
        }
        envFiles.read(f, name.position(), child);
      }
    }
    List<Path> nextChain = new ArrayList<>(chain);
    nextChain.add(files.get(0));
    MapNode model = loader.load(files, projectDir, child, nextChain, entry.position());
    return Rebase.apply(model, projectDir, workingDir);
  }

  /** Reads an env file into an environment. */
  interface EnvFileReader {
    void read(Path file, Position reference, Environment into);
  }

  private static void importResources(LinkedHashMap<String, MapNode.Entry> target, MapNode imported, String kind,
      Position where) {
    if (!(imported.get(kind) instanceof MapNode from)) {
      return;
    }
    MapNode.Entry existing = target.get(kind);
    LinkedHashMap<String, MapNode.Entry> to = existing != null && existing.value() instanceof MapNode m
        ? m.copyEntries() : new LinkedHashMap<>();
    for (MapNode.Entry e : from.entries()) {
      MapNode.Entry mine = to.get(e.name());
      if (mine != null) {
        if (Nodes.sameValue(mine.value(), e.value())) {
          continue;
        }
        throw fail(mine.key().position(), kind + "." + e.name() + " conflicts with the " + kind.replaceAll("s$", "")
            + " of the same name imported from " + e.key().position(),
            "rename one of them, or remove it from one of the files");
      }
      to.put(e.name(), e);
    }
    ScalarNode key = existing != null ? existing.key() : ScalarNode.ofString(kind, where);
    target.put(kind, new MapNode.Entry(key, new MapNode(to, existing != null ? existing.value().position() : where,
        null)));
  }

  private static List<ScalarNode> strings(Node n, String what) {
    List<ScalarNode> out = new ArrayList<>();
    if (n instanceof ScalarNode s && s.isString()) {
      out.add(s);
    } else if (n instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (!(item instanceof ScalarNode s) || !s.isString()) {
          throw fail(item.position(), what + " entries must be paths, not " + item.kindName(), null);
        }
        out.add(s);
      }
    } else {
      throw fail(n.position(), what + " must be a path or a list of paths, not " + n.kindName(), null);
    }
    return out;
  }

  private static CompileException fail(Position p, String message, String hint) {
    return new CompileException(Diagnostic.error(p, message, hint));
  }
}
