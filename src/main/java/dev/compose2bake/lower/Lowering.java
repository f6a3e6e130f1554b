package dev.compose2bake.lower;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Build;
import dev.compose2bake.compose.ComposeProject.SecretDef;
import dev.compose2bake.compose.ComposeProject.SecretRef;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.ComposeProject.Ulimit;
import dev.compose2bake.compose.PathText;
import dev.compose2bake.compose.Text;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Position;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers each buildable service of the Compose model to a {@link BakeTarget}, field by field as
 * buildx's Compose reader does (bake/compose.go): the same names, defaults, tag rule, {@code x-bake}
 * handling and de-duplication, except where compose2bake deliberately differs (exact shm_size and
 * single-number ulimits, paths re-based for the output file).
 */
public final class Lowering {
  private final Diagnostics diags;
  private final PathMapper paths;
  private final XBake xbake;

  private final boolean resolve;

  /** @param resolve true for a resolved snapshot; false when values keep their variables */
  public Lowering(Diagnostics diags, PathMapper paths, boolean resolve) {
    this.diags = diags;
    this.paths = paths;
    this.resolve = resolve;
    this.xbake = new XBake(diags, paths, this);
  }

  /**
   * Whether a value can be checked now: always in a snapshot; with kept variables only when it
   * has none, since bake evaluates it with the environment of its own run.
   */
  boolean checkable(Text t) {
    return resolve || t.template() == null || t.template().isLiteral();
  }

  /** The targets of every service that has a build section, in service-name order. */
  public List<BakeTarget> lower(ComposeProject project) {
    List<BakeTarget> out = new ArrayList<>();
    for (Service s : project.services().values()) {
      if (s.build() == null) {
        continue;
      }
      BakeTarget t = target(project, s);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private BakeTarget target(ComposeProject project, Service s) {
    Build b = s.build();
    int errorsBefore = diags.errorCount();
    BakeTarget.Builder t = new BakeTarget.Builder();
    t.name = TargetNames.sanitize(s.name());
    t.service = s.name();
    t.origin = s.position();

    if (b.context() != null && !b.context().value().isEmpty()) {
      String ctx = b.context().value();
      if (ctx.equals("-")) {
        diags.error(b.context().text().position(), "a build context from standard input (\"-\") cannot be baked",
            "give a directory or a URL as the context");
      }
      t.context = keepPath(b.context(), paths.path(b.context()), true, "the build context");
    }
    if (b.dockerfile() != null && !b.dockerfile().value().isEmpty()) {
      if (b.dockerfile().value().equals("-")) {
        diags.error(b.dockerfile().position(), "a Dockerfile from standard input (\"-\") cannot be baked",
            "give a path, or put the Dockerfile in dockerfile_inline");
      }
      t.dockerfile = b.dockerfile().str();
    }
    if (b.dockerfileInline() != null && !b.dockerfileInline().value().isEmpty()) {
      t.dockerfileInline = b.dockerfileInline().str();
    }
    for (Map.Entry<String, PathText> e : b.additionalContexts().entrySet()) {
      String v = e.getValue().value();
      if (v.isEmpty()) {
        continue; // buildx drops empty additional contexts
      }
      t.contexts.put(e.getKey(), namedContext(e.getValue()));
    }
    if (b.shmSize() != null && b.shmSize() > 0) {
      t.shmSize = Str.of(GoUnits.exactShmSize(b.shmSize()));
    }
    if (b.network() != null && !b.network().value().isEmpty()) {
      t.network = b.network().str();
    }
    List<Ulimit> ulimits = new ArrayList<>(b.ulimits());
    ulimits.sort((x, y) -> x.name().compareTo(y.name()));
    for (Ulimit u : ulimits) {
      try {
        dev.compose2bake.lower.Ulimit parsed = u.single() != null ? GoUnits.singleUlimit(u.name(), u.single())
            : GoUnits.parseUlimit(u.name(), u.soft(), u.hard());
        t.ulimits.add(Str.of(parsed.render()));
      } catch (LowerException e) {
        diags.error(u.position(), "invalid ulimit: " + e.buildxMessage(), e.hint());
      }
    }
    for (Map.Entry<String, List<Text>> e : b.extraHosts().entrySet()) {
      List<String> ips = new ArrayList<>();
      for (Text ip : e.getValue()) {
        ips.add(ip.value());
      }
      if (e.getValue().size() == 1) {
        t.extraHosts.put(e.getKey(), e.getValue().get(0).str());
      } else {
        e.getValue().forEach(ip -> resolvedVariables(ip, "extra host " + e.getKey(), "several addresses are joined"));
        t.extraHosts.put(e.getKey(), Str.of(String.join(",", ips)));
      }
    }
    Structured st = new Structured();
    for (Map.Entry<String, PathText> e : b.ssh().entrySet()) {
      st.ssh.add(SshKey.fromCompose(e.getKey(), e.getValue() == null ? null : paths.path(e.getValue())));
    }
    st.secrets.addAll(secrets(project, b, st));
    for (Map.Entry<String, Text> e : b.labels().entrySet()) {
      t.labels.put(e.getKey(), e.getValue().str());
    }
    for (Text c : b.cacheFrom()) {
      st.cacheFrom.add(c);
    }
    for (Text c : b.cacheTo()) {
      st.cacheTo.add(c);
    }
    try {
      t.attest = BakeObjects.of(Attest.forCompose(b.sbom() == null ? null : b.sbom().value(),
          b.provenance() == null ? null : b.provenance().value()), Attest::toJson);
    } catch (LowerException e) {
      Position p = b.provenance() != null ? b.provenance().position() : b.sbom().position();
      diags.error(p, "invalid attestation: " + e.buildxMessage(),
          e.hint() == null ? "use true, false, or key=value options such as mode=max" : e.hint());
    }
    if (Boolean.TRUE.equals(b.noCache())) {
      t.noCache = true;
    }
    if (Boolean.TRUE.equals(b.pull())) {
      t.pull = true;
    }
    args(project, s, b, t);
    for (Text tag : b.tags()) {
      t.tags.add(tag.str());
    }
    t.tags = dedupe(t.tags);
    for (Text p : b.platforms()) {
      try {
        if (checkable(p)) {
          Platforms.validate(p.value());
        }
      } catch (LowerException e) {
        diags.error(p.position(), "invalid platform: " + e.buildxMessage(), e.hint());
      }
      t.platforms.add(p.str());
    }
    t.platforms = dedupe(t.platforms);
    if (b.xbake() != null) {
      xbake.apply(b.xbake(), b.baseDir(), t, st);
    }
    finish(st, b, t);
    if (b.target() != null && !b.target().value().isEmpty()) {
      t.target = b.target().str();
    }
    // buildx: the image becomes the only tag, and only when no tags are set (bake/compose.go).
    if (t.tags.isEmpty() && s.image() != null && !s.image().value().isEmpty()) {
      t.tags.add(s.image().str());
    }
    return diags.errorCount() > errorsBefore ? null : t.build();
  }

  private Str namedContext(PathText p) {
    String v = p.value();
    if (v.startsWith("service:") || v.startsWith("target:")) {
      return Str.of("target:" + TargetNames.sanitize(v.substring(v.indexOf(':') + 1)));
    }
    return keepPath(p, paths.contextPath(p), false, "an additional context");
  }

  /**
   * A path keeps its variables when it is written as it stands: unchanged by the re-basing, or,
   * for a build context (which bake cleans itself), relative to the output folder already.
   */
  private Str keepPath(PathText p, String mapped, boolean bakeCleans, String field) {
    Text text = p.text();
    if (text.template() == null || text.template().isLiteral()) {
      return Str.of(mapped);
    }
    if (mapped.equals(text.value()) || (bakeCleans && paths.sameBase(p))) {
      return text.str();
    }
    resolvedVariables(text, field, "the path is re-based onto the output file's folder");
    return Str.of(mapped);
  }

  /** Warns that a value written with variables goes into the bake file with their values. */
  void resolvedVariables(Text text, String field, String reason) {
    if (text == null || text.template() == null || text.template().isLiteral()) {
      return;
    }
    List<String> names = new ArrayList<>(text.template().variableNames());
    diags.warning(text.position(), (names.size() == 1 ? "the variable " : "the variables ") + String.join(", ", names)
        + " in " + field + (names.size() == 1 ? " is" : " are") + " written with " + (names.size() == 1 ? "its value"
        : "their values"), reason);
  }

  /** The build secrets: id from the service's source, file or variable from the top-level secret. */
  private List<Secret> secrets(ComposeProject project, Build b, Structured st) {
    List<Secret> out = new ArrayList<>();
    for (SecretRef ref : b.secrets()) {
      String id = ref.source() == null ? "" : ref.source().value();
      SecretDef def = project.secrets().get(id);
      if (def == null) {
        continue; // reported by the validator
      }
      if (def.external()) {
        diags.error(ref.position(), "secret \"" + id + "\" is external, which bake cannot pass to a build",
            "declare the secret with file: or environment: instead");
        continue;
      }
      String src = def.file() == null ? null : paths.path(def.file());
      if (def.file() != null && def.file().text().template() != null) {
        if (src.equals(def.file().value())) {
          st.secretTexts.put(src, def.file().text());
        } else {
          resolvedVariables(def.file().text(), "the file of secret " + id, "the path is re-based onto the output"
              + " file's folder");
        }
      }
      if (def.environment() != null && def.environment().template() != null) {
        st.secretTexts.put(def.environment().value(), def.environment());
      }
      out.add(Secret.fromCompose(id, src, def.environment() == null ? null : def.environment().value()));
    }
    return out;
  }

  /** Values that buildx parses and de-duplicates once the build section and x-bake are both read. */
  static final class Structured {
    final List<Text> cacheFrom = new ArrayList<>();
    final List<Text> cacheTo = new ArrayList<>();
    final List<Secret> secrets = new ArrayList<>();
    final List<SshKey> ssh = new ArrayList<>();
    final List<String> sshXBake = new ArrayList<>();
    final List<String> outputs = new ArrayList<>();
    Position outputsPosition;
    /** Secret attribute values that were written with variables: value → the text with its template. */
    final Map<String, Text> secretTexts = new java.util.HashMap<>();
  }

  /** Puts the template back on string attributes whose value came from a text with variables. */
  private static List<BakeObject> withTemplates(List<BakeObject> objects, Map<String, Text> texts) {
    if (texts.isEmpty()) {
      return objects;
    }
    List<BakeObject> out = new ArrayList<>();
    for (BakeObject o : objects) {
      Map<String, Object> attrs = new java.util.LinkedHashMap<>(o.attributes());
      for (Map.Entry<String, Object> e : attrs.entrySet()) {
        if (e.getValue() instanceof Str v && texts.containsKey(v.value()) && !e.getKey().equals("id")) {
          e.setValue(texts.get(v.value()).str());
        }
      }
      out.add(new BakeObject(attrs));
    }
    return out;
  }

  private void finish(Structured st, Build b, BakeTarget.Builder t) {
    t.cacheFrom = cache(st.cacheFrom, b.position());
    t.cacheTo = cache(st.cacheTo, b.position());
    t.secrets = withTemplates(BakeObjects.of(Secret.dedupById(st.secrets), Secret::toJson), st.secretTexts);
    t.ssh = BakeObjects.of(SshKey.forCompose(st.ssh, st.sshXBake), SshKey::toJson);
    if (!st.outputs.isEmpty()) {
      try {
        t.outputs = BakeObjects.of(ExportEntry.forCompose(st.outputs), ExportEntry::toJson);
      } catch (LowerException e) {
        diags.error(st.outputsPosition, "invalid x-bake output: " + e.buildxMessage(),
            e.hint() == null ? "write type=docker, type=registry, or type=local,dest=DIR" : e.hint());
      }
    }
  }

  private List<BakeObject> cache(List<Text> entries, Position fallback) {
    for (Text e : entries) {
      if (!checkable(e)) {
        continue;
      }
      try {
        CacheEntry.parseCacheEntries(List.of(e.value()));
      } catch (LowerException ex) {
        diags.error(e.position(), "invalid cache entry: " + ex.buildxMessage(), ex.hint() != null ? ex.hint()
            : "write a registry reference, or type=...,key=value options (e.g. type=local,src=./cache); in a flow"
                + " list [a,b] a comma separates entries, so quote an entry that contains commas");
        return List.of();
      }
    }
    List<BakeObject> all = new ArrayList<>();
    for (Text e : entries) {
      if (!checkable(e)) {
        all.add(keptCacheEntry(e));
        continue;
      }
      List<BakeObject> parsed = BakeObjects.of(CacheEntry.parseCacheEntries(List.of(e.value())), CacheEntry::toJson);
      all.addAll(parsed);
    }
    return Dedup.removeDupes(all);
  }

  /**
   * A cache entry with variables: an object whose last attribute keeps them when the rest is
   * fixed text ({@code ${REGISTRY}/app:cache}, {@code type=registry,ref=${REF}}), else its CSV text
   * for bake to parse when it runs.
   */
  private BakeObject keptCacheEntry(Text e) {
    try {
      List<BakeObject> parsed = BakeObjects.of(CacheEntry.parseCacheEntries(List.of(e.value())), CacheEntry::toJson);
      if (parsed.size() == 1) {
        for (Map.Entry<String, Object> a : parsed.get(0).attributes().entrySet()) {
          if (a.getValue() instanceof Str v && !a.getKey().equals("type") && e.value().endsWith(v.value())) {
            dev.compose2bake.interp.Template rest = e.template().dropPrefix(e.value().length() - v.value().length());
            if (rest != null && rest.variableNames().equals(e.template().variableNames())) {
              Map<String, Object> attrs = new java.util.LinkedHashMap<>(parsed.get(0).attributes());
              attrs.put(a.getKey(), new Str(v.value(), rest));
              return new BakeObject(attrs);
            }
          }
        }
      }
    } catch (LowerException ignored) {
      // not parseable with this run's values: bake parses it when it runs
    }
    return BakeObject.raw(e.str());
  }

  /**
   * Build args: a valueless arg takes its value from the service's environment (env_file
   * included), then from the interpolation environment; one found nowhere is left out (buildx).
   */
  private void args(ComposeProject project, Service s, Build b, BakeTarget.Builder t) {
    for (Map.Entry<String, Text> e : b.args().entrySet()) {
      Text v = e.getValue();
      if (v != null) {
        t.args.put(e.getKey(), v.str());
        continue;
      }
      Text fromService = s.environment().get(e.getKey());
      if (fromService != null && fromService.value() != null) {
        t.args.put(e.getKey(), fromService.str());
        continue;
      }
      // Left out when the variable is unset; a bake variable keeps it so when the file is kept.
      t.args.put(e.getKey(), Str.reference(e.getKey(), project.environment().get(e.getKey())));
    }
  }

  static <T> List<T> dedupe(List<T> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
  }

  static Set<String> values(List<Str> in) {
    Set<String> out = new LinkedHashSet<>();
    for (Str s : in) {
      out.add(s.value());
    }
    return out;
  }
}
