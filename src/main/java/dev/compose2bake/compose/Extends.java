package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends} as compose-go does: the extended service (from the same file or from
 * {@code file:}, whose relative paths are re-based onto the project directory) is merged under the
 * extending one with the usual merge rules, recursively. A cycle is an error that names the whole
 * chain; top-level resources of an extended file are not imported.
 */
final class Extends {
  /** Loads an extended file: interpolated, canonical and re-based, with its own extends left in place. */
  interface FileLoader {
    MapNode load(Path file, Position reference);
  }

  private final Path projectDir;
  private final FileLoader loader;
  private final Map<Path, Map<String, Node>> files = new HashMap<>();

  Extends(Path projectDir, FileLoader loader) {
    this.projectDir = projectDir;
    this.loader = loader;
  }

  MapNode apply(MapNode doc, Path file) {
    if (!(doc.get("services") instanceof MapNode services)) {
      return doc;
    }
    boolean any = false;
    for (MapNode.Entry e : services.entries()) {
      any |= e.value() instanceof MapNode m && m.has("extends");
    }
    if (!any) {
      return doc;
    }
    Map<String, Node> byName = servicesOf(services);
    files.put(file, byName);
    for (String name : new ArrayList<>(byName.keySet())) {
      resolve(name, file, byName, new ArrayList<>());
    }
    LinkedHashMap<String, MapNode.Entry> out = new LinkedHashMap<>();
    for (MapNode.Entry e : services.entries()) {
      out.put(e.name(), new MapNode.Entry(e.key(), byName.get(e.name())));
    }
    LinkedHashMap<String, MapNode.Entry> top = doc.copyEntries();
    MapNode.Entry s = top.get("services");
    top.put("services", new MapNode.Entry(s.key(), new MapNode(out, services.position(), services.tag())));
    return new MapNode(top, doc.position(), doc.tag());
  }

  private Node resolve(String name, Path file, Map<String, Node> services, List<String> chain) {
    Node node = services.get(name);
    if (!(node instanceof MapNode service) || !service.has("extends")) {
      return node;
    }
    Node ext = service.get("extends");
    String ref;
    Node fileNode = null;
    if (ext instanceof ScalarNode s && s.isString()) {
      ref = s.text();
    } else if (ext instanceof MapNode m && m.get("service") instanceof ScalarNode s && s.isString()) {
      ref = s.text();
      fileNode = m.get("file");
    } else {
      throw new CompileException(Diagnostic.error(ext.position(), "services." + name
          + ".extends must be a service name or a mapping with service: and file:", null));
    }
    String link = name + " (" + display(file) + ")";
    if (chain.contains(link)) {
      List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(link), chain.size()));
      cycle.add(link);
      throw new CompileException(Diagnostic.error(ext.position(), "extends cycle: " + String.join(" -> ", cycle),
          "a service cannot extend itself, directly or through others; break the chain"));
    }
    List<String> next = new ArrayList<>(chain);
    next.add(link);
    Path baseFile = file;
    Map<String, Node> baseServices = services;
    if (fileNode != null) {
      if (!(fileNode instanceof ScalarNode fs) || !fs.isString()) {
        throw new CompileException(Diagnostic.error(fileNode.position(), "extends.file must be a path", null));
      }
      baseFile = projectDir.resolve(fs.text()).normalize();
      baseServices = files.get(baseFile);
      if (baseServices == null) {
        MapNode model = loader.load(baseFile, fs.position());
        if (!(model.get("services") instanceof MapNode sm)) {
          throw new CompileException(Diagnostic.error(fileNode.position(), "cannot extend service \"" + name
              + "\": " + fs.text() + " has no services", null));
        }
        baseServices = servicesOf(sm);
        files.put(baseFile, baseServices);
      }
    }
    if (!baseServices.containsKey(ref)) {
      throw new CompileException(Diagnostic.error(ext.position(), "service \"" + name + "\" extends \"" + ref
          + "\", which " + (fileNode == null ? "is not a service of this file" : "is not a service of "
          + display(baseFile)), "name a service defined " + (fileNode == null ? "in the same file, or add file:"
          : "in that file")));
    }
    Node base = resolve(ref, baseFile, baseServices, next);
    Node merged;
    if (base instanceof MapNode bm) {
      merged = Merger.merge(bm, withoutExtends(service), TreePath.ROOT.next("services").next(name));
    } else {
      merged = withoutExtends(service);
    }
    merged = merged instanceof MapNode mm ? withoutExtends(mm) : merged;
    services.put(name, merged);
    return merged;
  }

  private static MapNode withoutExtends(MapNode m) {
    LinkedHashMap<String, MapNode.Entry> out = m.copyEntries();
    out.remove("extends");
    return new MapNode(out, m.position(), m.tag());
  }

  private static Map<String, Node> servicesOf(MapNode services) {
    Map<String, Node> byName = new LinkedHashMap<>();
    for (MapNode.Entry e : services.entries()) {
      byName.put(e.name(), e.value());
    }
    return byName;
  }

  private String display(Path file) {
    return ProjectFiles.displayName(projectDir, file);
  }
}
