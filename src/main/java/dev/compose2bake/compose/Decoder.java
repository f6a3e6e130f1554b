package dev.compose2bake.compose;

import dev.compose2bake.compose.ComposeProject.Build;
import dev.compose2bake.compose.ComposeProject.SecretDef;
import dev.compose2bake.compose.ComposeProject.SecretRef;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.ComposeProject.Ulimit;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.interp.Template;
import dev.compose2bake.lower.GoUnits;
import dev.compose2bake.source.Ascii;
import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.Position;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;
import dev.compose2bake.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the loaded document into the typed {@link ComposeProject}. Like buildx's Compose reader it
 * validates only what a bake target depends on (each service's image, build, environment and
 * env_file, and the top-level secrets) against the Compose schema, then decodes values with
 * compose-go's conversions (numbers to strings, KEY=VALUE lists, extra_hosts, shm_size, ...).
 * Every problem is reported with the position of the value it is about; independent problems are
 * all reported in one run.
 */
public final class Decoder {

  private static final Set<String> BUILD_KEYS = Set.of("context", "dockerfile", "dockerfile_inline",
      "entitlements", "args", "ssh", "labels", "cache_from", "cache_to", "no_cache", "additional_contexts",
      "network", "provenance", "sbom", "pull", "target", "shm_size", "extra_hosts", "isolation", "privileged",
      "secrets", "tags", "ulimits", "platforms");
  private static final Set<String> SECRET_KEYS = Set.of("name", "environment", "file", "external", "labels",
      "driver", "driver_opts", "template_driver");
  private static final Set<String> SECRET_REF_KEYS = Set.of("source", "target", "uid", "gid", "mode");

  private final Diagnostics diags;

  public Decoder(Diagnostics diags) {
    this.diags = diags;
  }

  public ComposeProject decode(LoadedProject loaded) {
    MapNode root = loaded.root();
    Node services = root.get("services");
    TreeMap<String, Service> out = new TreeMap<>();
    if (services == null) {
      diags.error(root.position(), "the project has no services: section",
          "add services: with at least one service that has a build: section");
    } else if (!(services instanceof MapNode sm)) {
      diags.error(services.position(), "services must be a mapping of service names to services, not "
          + services.kindName(), "write services: as a mapping, e.g. services: {web: {build: .}}");
    } else {
      for (MapNode.Entry e : sm.entries()) {
        Service s = service(e, loaded);
        if (s != null) {
          out.put(e.name(), s);
        }
      }
    }
    Map<String, SecretDef> secrets = secrets(root.get("secrets"), loaded.projectDir());
    return new ComposeProject(loaded.projectName(), loaded.projectDir(), loaded.environment(),
        Collections.unmodifiableSortedMap(out), secrets, loaded.files(), loaded.activeProfiles(), loaded.bakeFiles(),
        loaded.requiredVariables());
  }

  // ---------------------------------------------------------------- services

  private Service service(MapNode.Entry entry, LoadedProject loaded) {
    String name = entry.name();
    String path = "services." + name;
    if (!Ascii.only(name, "._-")) {
      diags.error(entry.key().position(), "invalid service name \"" + name + "\"",
          "a service name may contain only letters, digits, '.', '_' and '-'");
      return null;
    }
    Node body = entry.value();
    if (body instanceof ScalarNode s && s.isNull()) {
      body = MapNode.empty(entry.key().position());
    }
    if (!(body instanceof MapNode svc)) {
      diags.error(body.position(), path + " must be a mapping, not " + body.kindName(), null);
      return null;
    }
    Text image = string(svc.get("image"), path + ".image");
    Build build = null;
    Node b = svc.get("build");
    if (b != null) {
      build = build(b, path + ".build", loaded.projectDir());
    }
    Map<String, Text> environment = environment(svc, path, loaded);
    List<String> profiles = new ArrayList<>();
    Node p = svc.get("profiles");
    if (p instanceof SeqNode ps) {
      for (Node item : ps.items()) {
        if (item instanceof ScalarNode s && s.isString()) {
          profiles.add(s.text());
        }
      }
    }
    return new Service(name, entry.key().position(), image, build, environment, List.copyOf(profiles));
  }

  private Build build(Node node, String path, Path base) {
    if (!(node instanceof MapNode b)) {
      diags.error(node.position(), path + " must be a path or a mapping, not " + node.kindName(), null);
      return null;
    }
    for (MapNode.Entry e : b.entries()) {
      if (!BUILD_KEYS.contains(e.name()) && !e.name().startsWith("x-")) {
        diags.error(e.key().position(), "unknown build option \"" + e.name() + "\" in " + path,
            hintForUnknown(e.name(), BUILD_KEYS));
      }
    }
    int errorsBefore = diags.errorCount();
    Text context = string(b.get("context"), path + ".context");
    Text dockerfile = string(b.get("dockerfile"), path + ".dockerfile");
    Text inline = string(b.get("dockerfile_inline"), path + ".dockerfile_inline");
    Map<String, Text> args = keyValues(b.get("args"), path + ".args", true);
    Map<String, PathText> ssh = ssh(b.get("ssh"), path + ".ssh", base);
    Map<String, Text> labels = keyValues(b.get("labels"), path + ".labels", false);
    List<Text> cacheFrom = strings(b.get("cache_from"), path + ".cache_from");
    List<Text> cacheTo = strings(b.get("cache_to"), path + ".cache_to");
    Boolean noCache = bool(b.get("no_cache"), path + ".no_cache");
    Map<String, Text> contexts = keyValues(b.get("additional_contexts"), path + ".additional_contexts", false);
    Text network = string(b.get("network"), path + ".network");
    Text provenance = stringOrBool(b.get("provenance"), path + ".provenance");
    Text sbom = stringOrBool(b.get("sbom"), path + ".sbom");
    Boolean pull = bool(b.get("pull"), path + ".pull");
    Text target = string(b.get("target"), path + ".target");
    Long shm = shmSize(b.get("shm_size"), path + ".shm_size");
    Map<String, List<Text>> extraHosts = extraHosts(b.get("extra_hosts"), path + ".extra_hosts");
    Text isolation = string(b.get("isolation"), path + ".isolation");
    Boolean privileged = bool(b.get("privileged"), path + ".privileged");
    List<SecretRef> secrets = secretRefs(b.get("secrets"), path + ".secrets");
    List<Text> tags = strings(b.get("tags"), path + ".tags");
    List<Ulimit> ulimits = ulimits(b.get("ulimits"), path + ".ulimits");
    List<Text> platforms = strings(b.get("platforms"), path + ".platforms");
    List<Text> entitlements = strings(b.get("entitlements"), path + ".entitlements");
    if (diags.errorCount() > errorsBefore) {
      return null;
    }
    Map<String, PathText> additional = new LinkedHashMap<>();
    contexts.forEach((k, v) -> additional.put(k, new PathText(v, base)));
    Node xbake = b.get("x-bake");
    return new Build(b.position(), context == null ? null : new PathText(context, base), dockerfile, inline, args,
        ssh, cacheFrom, cacheTo, additional, extraHosts, labels, noCache, pull, network, shm,
        b.get("shm_size") == null ? null : b.get("shm_size").position(), target, secrets, tags, ulimits, platforms,
        entitlements, privileged, isolation, sbom, provenance, xbake, base);
  }

  // ---------------------------------------------------------------- environment

  private Map<String, Text> environment(MapNode svc, String path, LoadedProject loaded) {
    Map<String, Text> env = new LinkedHashMap<>();
    Node files = svc.get("env_file");
    if (files != null) {
      if (!(files instanceof SeqNode seq)) {
        diags.error(files.position(), path + ".env_file must be a path or a list of paths, not " + files.kindName(), null);
      } else {
        for (Node item : seq.items()) {
          envFile(item, path + ".env_file", loaded, env);
        }
      }
    }
    Map<String, Text> declared = keyValues(svc.get("environment"), path + ".environment", true);
    for (Map.Entry<String, Text> e : declared.entrySet()) {
      Text v = e.getValue();
      if (v == null) {
        // A variable listed without a value takes its value from the environment (Compose spec).
        v = Text.reference(e.getKey(), loaded.environment().get(e.getKey()), null);
      }
      env.put(e.getKey(), v);
    }
    return env;
  }

  private void envFile(Node item, String path, LoadedProject loaded, Map<String, Text> env) {
    if (!(item instanceof MapNode m)) {
      diags.error(item.position(), path + " entries must be paths or mappings, not " + item.kindName(), null);
      return;
    }
    for (MapNode.Entry e : m.entries()) {
      if (!Set.of("path", "required", "format").contains(e.name())) {
        diags.error(e.key().position(), "unknown env_file option \"" + e.name() + "\"", "use path:, required: or format:");
        return;
      }
    }
    Text file = string(m.get("path"), path + ".path");
    if (file == null) {
      if (m.get("path") == null) {
        diags.error(m.position(), path + " entry has no path", "add path: ./file.env");
      }
      return;
    }
    Boolean required = m.get("required") == null ? Boolean.TRUE : bool(m.get("required"), path + ".required");
    Path f = loaded.projectDir().resolve(file.value()).normalize();
    if (!Files.isRegularFile(f)) {
      if (required == null || required) {
        diags.error(file.position(), "env file " + file.value() + " not found",
            "create it, or mark it optional: env_file: [{path: " + file.value() + ", required: false}]");
      }
      return;
    }
    SourceFile source = ProjectFiles.read(loaded.projectDir(), f, file.position(), Integer.MAX_VALUE);
    try {
      Map<String, String> values = DotEnv.parse(source.text(), source.displayName(), loaded.environment());
      values.forEach((k, v) -> env.put(k, new Text(v, null, file.position())));
    } catch (DotEnvException ex) {
      diags.error(new Position(source, ex.line(), 1), "invalid env file: " + ex.problem(),
          "an env file holds NAME=VALUE lines; named by env_file: at " + file.position());
    }
  }

  // ---------------------------------------------------------------- secrets

  private Map<String, SecretDef> secrets(Node node, Path base) {
    Map<String, SecretDef> out = new TreeMap<>();
    if (node == null || (node instanceof ScalarNode s && s.isNull())) {
      return out;
    }
    if (!(node instanceof MapNode m)) {
      diags.error(node.position(), "secrets must be a mapping, not " + node.kindName(), null);
      return out;
    }
    for (MapNode.Entry e : m.entries()) {
      String path = "secrets." + e.name();
      if (!Ascii.only(e.name(), "._-")) {
        diags.error(e.key().position(), "invalid secret name \"" + e.name() + "\"",
            "a secret name may contain only letters, digits, '.', '_' and '-'");
        continue;
      }
      if (!(e.value() instanceof MapNode def)) {
        diags.error(e.value().position(), path + " must be a mapping, not " + e.value().kindName(),
            "write file: ./path or environment: VAR");
        continue;
      }
      for (MapNode.Entry k : def.entries()) {
        if (!SECRET_KEYS.contains(k.name()) && !k.name().startsWith("x-")) {
          diags.error(k.key().position(), "unknown secret option \"" + k.name() + "\" in " + path,
              hintForUnknown(k.name(), SECRET_KEYS));
        }
      }
      Text file = string(def.get("file"), path + ".file");
      Text environment = string(def.get("environment"), path + ".environment");
      string(def.get("name"), path + ".name");
      Node ext = def.get("external");
      boolean external = false;
      if (ext != null) {
        if (ext instanceof MapNode) {
          external = true;
        } else {
          Boolean b = bool(ext, path + ".external");
          external = b != null && b;
        }
      }
      out.put(e.name(), new SecretDef(e.name(), e.key().position(), file == null ? null : new PathText(file, base),
          environment, external));
    }
    return out;
  }

  private List<SecretRef> secretRefs(Node node, String path) {
    List<SecretRef> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SeqNode seq)) {
      diags.error(node.position(), path + " must be a list, not " + node.kindName(), "write secrets: [name]");
      return out;
    }
    for (Node item : seq.items()) {
      if (!(item instanceof MapNode m)) {
        diags.error(item.position(), path + " entries must be secret names or mappings, not " + item.kindName(), null);
        continue;
      }
      for (MapNode.Entry k : m.entries()) {
        if (!SECRET_REF_KEYS.contains(k.name()) && !k.name().startsWith("x-")) {
          diags.error(k.key().position(), "unknown option \"" + k.name() + "\" in " + path,
              hintForUnknown(k.name(), SECRET_REF_KEYS));
        }
      }
      Text source = string(m.get("source"), path + ".source");
      Text target = string(m.get("target"), path + ".target");
      string(m.get("uid"), path + ".uid");
      string(m.get("gid"), path + ".gid");
      Node mode = m.get("mode");
      if (mode != null && !(mode instanceof ScalarNode ms && (ms.isString() || ms.value() instanceof Number))) {
        diags.error(mode.position(), path + ".mode must be a number or a string, not " + mode.kindName(), null);
      }
      out.add(new SecretRef(source, target, m.position()));
    }
    return out;
  }

  // ---------------------------------------------------------------- field decoders

  private Text string(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s && s.isString()) {
      return Text.of(s);
    }
    diags.error(node.position(), path + " must be a string, not " + describe(node),
        node instanceof ScalarNode ? "quote the value: \"" + ((ScalarNode) node).text() + "\"" : null);
    return null;
  }

  private Text stringOrBool(Node node, String path) {
    if (node instanceof ScalarNode s && s.value() instanceof Boolean b) {
      return new Text(b.toString(), null, s.position());
    }
    if (node != null && !(node instanceof ScalarNode s2 && s2.isString())) {
      diags.error(node.position(), path + " must be a string or a boolean, not " + describe(node), null);
      return null;
    }
    return string(node, path);
  }

  /** A value that Compose turns into a number or a boolean cannot stay a bake variable. */
  private void resolvedHere(Node node, String path) {
    if (node instanceof ScalarNode s && s.template() != null && !s.template().isLiteral()) {
      diags.warning(s.position(), "the variables of " + path + " are written with their values ("
          + s.text() + ")", "a number or a boolean cannot be a bake variable");
    }
  }

  private Boolean bool(Node node, String path) {
    if (node == null) {
      return null;
    }
    resolvedHere(node, path);
    if (node instanceof ScalarNode s) {
      if (s.value() instanceof Boolean b) {
        return b;
      }
      if (s.isString()) {
        // compose-go casts strings (often interpolated) to booleans with YAML 1.1 spellings.
        switch (s.text().toLowerCase(Locale.ROOT)) {
          case "y", "yes", "true", "on":
            return true;
          case "n", "no", "false", "off":
            return false;
          default:
            diags.error(s.position(), path + ": invalid boolean \"" + s.text() + "\"", "use true or false");
            return null;
        }
      }
    }
    diags.error(node.position(), path + " must be a boolean, not " + describe(node), "use true or false");
    return null;
  }

  private List<Text> strings(Node node, String path) {
    List<Text> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SeqNode seq)) {
      diags.error(node.position(), path + " must be a list of strings, not " + describe(node),
          node instanceof ScalarNode s && s.isString() ? "write a list: [\"" + s.text() + "\"]" : null);
      return out;
    }
    for (Node item : seq.items()) {
      if (item instanceof ScalarNode s && s.isString()) {
        out.add(Text.of(s));
      } else {
        diags.error(item.position(), path + " entries must be strings, not " + describe(item),
            item instanceof ScalarNode s ? "quote it: \"" + s.text() + "\"" : null);
      }
    }
    return out;
  }

  /**
   * A Compose "list_or_dict": a mapping whose values are strings, numbers, booleans or null, or a
   * list of unique {@code KEY=VALUE} strings. With {@code nullable}, a key without a value (null,
   * or a list item without '=') maps to null; otherwise to "".
   */
  private Map<String, Text> keyValues(Node node, String path, boolean nullable) {
    Map<String, Text> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        Node v = e.value();
        if (e.name().isEmpty()) {
          diags.error(e.key().position(), path + " has an empty key", null);
          continue;
        }
        if (!(v instanceof ScalarNode s) || !(s.value() == null || s.value() instanceof String
            || s.value() instanceof Number || s.value() instanceof Boolean)) {
          diags.error(v.position(), path + "." + e.name() + " must be a string, number, boolean or null, not "
              + v.kindName(), v instanceof ScalarNode ? "quote the value" : null);
          continue;
        }
        if (s.isNull()) {
          out.put(e.name(), nullable ? null : new Text("", null, s.position()));
        } else {
          out.put(e.name(), Text.of(s));
        }
      }
      return out;
    }
    if (node instanceof SeqNode seq) {
      for (ScalarNode s : uniqueStrings(seq, path, "KEY=VALUE strings")) {
        String text = s.text();
        int eq = text.indexOf('=');
        String key = eq < 0 ? text : text.substring(0, eq);
        if (!key.isEmpty() && Character.isWhitespace(key.charAt(key.length() - 1))) {
          diags.error(s.position(), path + ": the name \"" + key + "\" ends with a space",
              "remove the space before '=': \"" + key.strip() + "=...\"");
          continue;
        }
        if (eq < 0) {
          out.put(key, nullable ? null : new Text("", null, s.position()));
        } else {
          Template t = s.template() == null ? null : s.template().dropPrefix(eq + 1);
          out.put(key, new Text(text.substring(eq + 1), t, s.position()));
        }
      }
      return out;
    }
    diags.error(node.position(), path + " must be a mapping or a list of KEY=VALUE strings, not " + describe(node),
        node instanceof ScalarNode s && s.isString() && s.text().contains("=")
            ? "write a list: [\"" + s.text() + "\"] or a mapping" : null);
    return out;
  }

  /** The string items of a list whose entries must be unique; other items and repeats are errors. */
  private List<ScalarNode> uniqueStrings(SeqNode seq, String path, String expected) {
    List<ScalarNode> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node item : seq.items()) {
      if (!(item instanceof ScalarNode s) || !s.isString()) {
        diags.error(item.position(), path + " entries must be " + expected + ", not " + describe(item), null);
      } else if (!seen.add(s.text())) {
        diags.error(s.position(), path + " has the entry \"" + s.text() + "\" twice", "remove one of them");
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private Map<String, PathText> ssh(Node node, String path, Path base) {
    Map<String, PathText> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MapNode m)) {
      diags.error(node.position(), path + " must be a list or a mapping, not " + describe(node), null);
      return out;
    }
    for (MapNode.Entry e : m.entries()) {
      if (e.name().isEmpty()) {
        diags.error(e.key().position(), path + " has an entry with an empty id", "write id=path, or default");
        continue;
      }
      Node v = e.value();
      if (v instanceof ScalarNode s && s.isNull()) {
        out.put(e.name(), null);
      } else if (v instanceof ScalarNode s) {
        out.put(e.name(), new PathText(Text.of(s), base));
      } else {
        diags.error(v.position(), path + "." + e.name() + " must be a path, not " + v.kindName(), null);
      }
    }
    return out;
  }

  private Long shmSize(Node node, String path) {
    if (node == null) {
      return null;
    }
    resolvedHere(node, path);
    if (node instanceof ScalarNode s && s.value() instanceof Long l) {
      return l;
    }
    if (node instanceof ScalarNode s && s.isString()) {
      try {
        return GoUnits.ramInBytes(s.text());
      } catch (dev.compose2bake.lower.LowerException e) {
        diags.error(s.position(), path + ": invalid size \"" + s.text() + "\"",
            "write a number of bytes or a size such as 64m, 1gb or 512k");
        return null;
      }
    }
    diags.error(node.position(), path + " must be an integer or a string, not " + describe(node),
        "write whole bytes (67108864) or a size such as \"64m\"");
    return null;
  }

  private Map<String, List<Text>> extraHosts(Node node, String path) {
    Map<String, List<Text>> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (node instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        Node v = e.value();
        List<Text> ips = new ArrayList<>();
        if (v instanceof ScalarNode s && (s.isString() || s.isNull())) {
          ips.add(s.isNull() ? new Text("", null, s.position()) : Text.of(s));
        } else if (v instanceof SeqNode seq) {
          for (Node ip : seq.items()) {
            if (ip instanceof ScalarNode s && s.isString()) {
              ips.add(Text.of(s));
            } else {
              diags.error(ip.position(), path + "." + e.name() + " entries must be strings, not " + describe(ip), null);
            }
          }
        } else {
          diags.error(v.position(), path + "." + e.name() + " must be an IP address or a list of them, not "
              + describe(v), null);
          continue;
        }
        addHost(out, e.name(), ips, e.key().position(), path);
      }
      return out;
    }
    if (node instanceof SeqNode seq) {
      for (ScalarNode s : uniqueStrings(seq, path, "strings such as host:ip")) {
        String text = s.text();
        // compose-go's NewHostsList: "=" is tried before ":", so IPv6 addresses can follow "=".
        int cut = text.indexOf('=');
        if (cut < 0) {
          cut = text.indexOf(':');
        }
        if (cut < 0) {
          diags.error(s.position(), path + ": invalid additional host, missing IP: " + text,
              "write host:ip or host=ip, e.g. \"" + text + ":10.0.0.1\"");
          continue;
        }
        List<Text> ips = new ArrayList<>();
        String[] parts = text.substring(cut + 1).split(",", -1);
        for (String ip : parts) {
          Template t = parts.length == 1 && s.template() != null ? s.template().dropPrefix(cut + 1) : null;
          ips.add(new Text(ip, t, s.position()));
        }
        addHost(out, text.substring(0, cut), ips, s.position(), path);
      }
      return out;
    }
    diags.error(node.position(), path + " must be a list or a mapping, not " + describe(node), null);
    return out;
  }

  private void addHost(Map<String, List<Text>> out, String host, List<Text> ips, Position pos, String path) {
    if (host.isEmpty() || host.contains(":") || host.contains("=")) {
      diags.error(pos, path + ": bad host name '" + host + "'", null);
      return;
    }
    List<Text> list = out.computeIfAbsent(host, h -> new ArrayList<>());
    for (Text ip : ips) {
      String v = ip.value();
      // compose-go strips the brackets of an IPv6 address: "[::1]" becomes "::1".
      if (v.length() > 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']') {
        ip = new Text(v.substring(1, v.length() - 1), null, ip.position());
      }
      list.add(ip);
    }
  }

  private List<Ulimit> ulimits(Node node, String path) {
    List<Ulimit> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MapNode m)) {
      diags.error(node.position(), path + " must be a mapping, not " + describe(node), "write ulimits: {nofile: 1024}");
      return out;
    }
    for (MapNode.Entry e : m.entries()) {
      if (!Ascii.isLowerWord(e.name())) {
        diags.error(e.key().position(), "invalid ulimit name \"" + e.name() + "\"", "ulimit names are lower-case letters");
        continue;
      }
      Node v = e.value();
      if (v instanceof MapNode limits) {
        Long soft = ulimitValue(limits.get("soft"), path + "." + e.name() + ".soft");
        Long hard = ulimitValue(limits.get("hard"), path + "." + e.name() + ".hard");
        for (MapNode.Entry k : limits.entries()) {
          if (!k.name().equals("soft") && !k.name().equals("hard") && !k.name().startsWith("x-")) {
            diags.error(k.key().position(), "unknown ulimit option \"" + k.name() + "\"", "use soft: and hard:");
          }
        }
        if (limits.get("soft") == null || limits.get("hard") == null) {
          diags.error(limits.position(), path + "." + e.name() + " needs both soft and hard",
              "write {soft: 1024, hard: 2048}, or a single number for both");
          continue;
        }
        if (soft != null && hard != null) {
          out.add(new Ulimit(e.name(), null, soft, hard, e.key().position()));
        }
      } else {
        Long single = ulimitValue(v, path + "." + e.name());
        if (single != null) {
          out.add(new Ulimit(e.name(), single, null, null, e.key().position()));
        }
      }
    }
    return out;
  }

  private Long ulimitValue(Node node, String path) {
    if (node == null) {
      return null;
    }
    resolvedHere(node, path);
    if (node instanceof ScalarNode s && s.value() instanceof Long l) {
      return l;
    }
    if (node instanceof ScalarNode s && s.isString()) {
      try {
        return Long.parseLong(s.text().strip());
      } catch (NumberFormatException e) {
        diags.error(s.position(), path + ": \"" + s.text() + "\" is not a number", null);
        return null;
      }
    }
    diags.error(node.position(), path + " must be an integer, not " + describe(node), null);
    return null;
  }

  static String describe(Node node) {
    if (node instanceof ScalarNode s && !s.isNull()) {
      return s.kindName() + " (" + abbreviate(s.text()) + ")";
    }
    return node.kindName();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  static String hintForUnknown(String name, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : new java.util.TreeSet<>(known)) {
      int d = distance(name, k);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    if (best != null && bestDistance <= Math.max(2, name.length() / 3)) {
      return "did you mean \"" + best + "\"?";
    }
    return "known options: " + String.join(", ", new java.util.TreeSet<>(known))
        + "; keys starting with x- are extensions";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
