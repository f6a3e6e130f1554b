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

  public Lowering(Diagnostics diags, PathMapper paths) {
    this.diags = diags;
    this.paths = paths;
    this.xbake = new XBake(diags, paths);
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
      t.context = keep(b.context().text(), paths.path(b.context()));
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
        t.ulimits.add(Str.of(Flags.ulimit(u.name(), u.single(), u.soft(), u.hard())));
      } catch (FlagException e) {
        diags.error(u.position(), e.getMessage(), e.hint());
      }
    }
    for (Map.Entry<String, List<Text>> e : b.extraHosts().entrySet()) {
      List<String> ips = new ArrayList<>();
      for (Text ip : e.getValue()) {
        ips.add(ip.value());
      }
      t.extraHosts.put(e.getKey(), Str.of(String.join(",", ips)));
    }
    List<BakeObject> ssh = new ArrayList<>();
    for (Map.Entry<String, PathText> e : b.ssh().entrySet()) {
      ssh.add(Flags.ssh(List.of(e.getValue() == null ? e.getKey()
          : e.getKey() + "=" + paths.path(e.getValue()))).get(0));
    }
    t.ssh = Flags.sortSsh(ssh);
    t.secrets = secrets(project, s, b);
    for (Map.Entry<String, Text> e : b.labels().entrySet()) {
      t.labels.put(e.getKey(), e.getValue().str());
    }
    t.cacheFrom = cache(b.cacheFrom(), b.position());
    t.cacheTo = cache(b.cacheTo(), b.position());
    try {
      t.attest = Flags.attests(b.sbom() == null ? null : b.sbom().value(),
          b.provenance() == null ? null : b.provenance().value());
    } catch (FlagException e) {
      Position p = b.provenance() != null ? b.provenance().position() : b.sbom().position();
      diags.error(p, e.getMessage(), e.hint() == null ? "use true, false, or key=value options such as mode=max" : e.hint());
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
        Flags.validatePlatform(p.value());
      } catch (FlagException e) {
        diags.error(p.position(), e.getMessage(), e.hint());
      }
      t.platforms.add(p.str());
    }
    t.platforms = dedupe(t.platforms);
    if (b.xbake() != null) {
      xbake.apply(b.xbake(), b.baseDir(), t);
    }
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
    return keep(p.text(), paths.contextPath(p));
  }

  /** The template survives only when the path was not rewritten. */
  private static Str keep(Text text, String mapped) {
    return mapped.equals(text.value()) ? text.str() : Str.of(mapped);
  }

  private List<BakeObject> secrets(ComposeProject project, Service s, Build b) {
    List<BakeObject> out = new ArrayList<>();
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
      String env = def.environment() == null ? null : def.environment().value();
      out.add(Flags.composeSecret(id, src, env));
    }
    return Flags.mergeById(List.of(), out);
  }

  private List<BakeObject> cache(List<Text> entries, Position fallback) {
    List<String> values = new ArrayList<>();
    for (Text e : entries) {
      values.add(e.value());
    }
    try {
      return Flags.removeDupes(Flags.cacheEntries(values));
    } catch (FlagException e) {
      Position p = entries.isEmpty() ? fallback : entries.get(0).position();
      for (Text x : entries) {
        try {
          Flags.cacheEntries(List.of(x.value()));
        } catch (FlagException inner) {
          p = x.position();
          break;
        }
      }
      diags.error(p, "invalid cache entry: " + e.getMessage(),
          "write a registry reference, or type=...,key=value options (e.g. type=local,src=./cache)");
      return List.of();
    }
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
      if (fromService != null) {
        t.args.put(e.getKey(), fromService.str());
        continue;
      }
      String fromEnv = project.environment().get(e.getKey());
      if (fromEnv != null) {
        t.args.put(e.getKey(), Str.of(fromEnv));
      }
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
