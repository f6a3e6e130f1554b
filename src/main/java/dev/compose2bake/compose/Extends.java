package dev.compose2bake.compose;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends} as compose-go does: the extended service (from the same file or from
 * {@code file:}, whose relative paths are re-based onto the project directory) is merged under the
 * extending one with the usual merge rules, along the whole chain. A cycle is an error that names the whole
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
  private final long maxNodes;
  private long created;

  Extends(Path projectDir, FileLoader loader, long maxNodes) {
    this.projectDir = projectDir;
    this.loader = loader;
    this.maxNodes = maxNodes;
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
      resolve(name, file, byName);
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

  /** One service of an extends chain, waiting for its base to be resolved. */
  private record Link(String name, Map<String, Node> services, MapNode service) {}

  /**
   * Follows the chain of {@code extends} from {@code name} to a service that extends nothing (or
   * was already resolved), then merges back down the chain. Iterative, so that a chain of any
   * length cannot overflow the stack; the nodes the merges create are counted against the alias
   * expansion limit, since a chain of extends that appends lists grows quadratically.
   */
  private Node resolve(String name, Path file, Map<String, Node> services) {
    List<Link> chain = new ArrayList<>();
    Map<String, Integer> onChain = new HashMap<>();
    List<String> links = new ArrayList<>();
    String curName = name;
    Path curFile = file;
    Map<String, Node> curServices = services;
    while (curServices.get(curName) instanceof MapNode service && service.has("extends")) {
      Node ext = service.get("extends");
      String ref;
      Node fileNode = null;
      if (ext instanceof ScalarNode s && s.isString()) {
        ref = s.text();
      } else if (ext instanceof MapNode m && m.get("service") instanceof ScalarNode s && s.isString()) {
        ref = s.text();
        fileNode = m.get("file");
      } else {
        throw new CompileException(Diagnostic.error(ext.position(), "services." + curName
            + ".extends must be a service name or a mapping with service: and file:",
            "write extends: NAME, or extends: {service: NAME, file: other.yaml}"));
      }
      String link = curName + " (" + display(curFile) + ")";
      Integer at = onChain.putIfAbsent(link, links.size());
      if (at != null) {
        List<String> cycle = new ArrayList<>(links.subList(at, links.size()));
        cycle.add(link);
        throw new CompileException(Diagnostic.error(ext.position(), "extends cycle: " + String.join(" -> ", cycle),
            "a service cannot extend itself, directly or through others; break the chain"));
      }
      links.add(link);
      chain.add(new Link(curName, curServices, service));
      Path baseFile = curFile;
      Map<String, Node> baseServices = curServices;
      if (fileNode != null) {
        if (!(fileNode instanceof ScalarNode fs) || !fs.isString()) {
          throw new CompileException(Diagnostic.error(fileNode.position(), "extends.file must be a path, not "
              + fileNode.kindName(), "write file: other-compose.yaml"));
        }
        baseFile = projectDir.resolve(fs.text()).normalize();
        baseServices = files.get(baseFile);
        if (baseServices == null) {
          MapNode model = loader.load(baseFile, fs.position());
          if (!(model.get("services") instanceof MapNode sm)) {
            throw new CompileException(Diagnostic.error(fileNode.position(), "cannot extend service \"" + curName
                + "\": " + fs.text() + " has no services", null));
          }
          baseServices = servicesOf(sm);
          files.put(baseFile, baseServices);
        }
      }
      if (!baseServices.containsKey(ref)) {
        throw new CompileException(Diagnostic.error(ext.position(), "service \"" + curName + "\" extends \"" + ref
            + "\", which " + (fileNode == null ? "is not a service of this file" : "is not a service of "
            + display(baseFile)), "name a service defined " + (fileNode == null ? "in the same file, or add file:"
            : "in that file")));
      }
      curName = ref;
      curFile = baseFile;
      curServices = baseServices;
    }
    Node base = curServices.get(curName);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Link l = chain.get(i);
      Node merged;
      if (base instanceof MapNode bm) {
        merged = Merger.merge(bm, withoutExtends(l.service()), TreePath.ROOT.next("services").next(l.name()));
      } else {
        merged = withoutExtends(l.service());
      }
      merged = merged instanceof MapNode mm ? withoutExtends(mm) : merged;
      created = Node.addSizes(created, merged.expandedSize());
      if (created > maxNodes) {
        throw new CompileException(Diagnostic.error(l.service().get("extends").position(),
            "extends makes the services expand to more than " + maxNodes + " YAML nodes (the limit on expansion)",
            "shorten the chains of extends, or move the lists they repeat into fewer services; "
                + YamlLimits.raise(YamlLimits.NODES, maxNodes)));
      }
      l.services().put(l.name(), merged);
      base = merged;
    }
    return base;
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
