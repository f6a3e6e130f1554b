package dev.compose2bake.bake;

import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.BakeProject;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code --allow} entitlements that {@code docker buildx bake} asks for before it builds a
 * definition, so that {@code compose2bake build} can grant them instead of failing with "additional
 * privileges requested". A pure function of the definition, the working directory buildx runs in,
 * and a {@link PathResolver}; it follows buildx's own rules (bake/entitlements.go and bake.go,
 * {@code collectLocalPaths}, {@code toBuildOpt}), checked against buildx 0.29.1:
 *
 * <ul>
 *   <li>Only the targets bake builds count: the {@code default} group and every target those reach
 *       through {@code target:} contexts.
 *   <li>Read ({@code fs.read=PATH}): the context; the Dockerfile (relative to the context unless it is
 *       absolute or {@code cwd://}); every named context that is a local path; {@code cache-from}
 *       {@code type=local} sources; secret files; ssh key files. Remote URLs, git references,
 *       {@code target:} and {@code docker-image://} need nothing.
 *   <li>Write ({@code fs.write=PATH}): outputs with a {@code dest} other than {@code -};
 *       {@code cache-to} {@code type=local} destinations. A path both read and written is
 *       {@code fs=PATH}.
 *   <li>Everything under the working directory is granted by buildx itself. A path is compared by
 *       its existing prefix with links resolved (see {@link PathResolver}); a path under another
 *       requested path is covered by it. Paths are written relative to the working directory when
 *       they are at most one level above it, absolute otherwise, as buildx prints them.
 *   <li>{@code network.host} for {@code network = "host"} or that entitlement; {@code
 *       security.insecure} and {@code device} when a target lists them; {@code ssh} for an ssh entry
 *       without key files (the agent socket).
 * </ul>
 *
 * Two deliberate differences: buildx checks each target separately and, through a map it
 * overwrites, reports only the paths of the last target it checked (a different one each run); the
 * entitlements here are those of all targets together. And buildx 0.29.1 takes a sibling folder
 * whose name starts with the working directory's ({@code ../proj-shared} from {@code proj}) as
 * inside it; here it is outside, and granted, which costs nothing and keeps working when buildx
 * compares by path components.
 */
public final class Entitlements {
  /** scp-like git addresses ({@code git@github.com:org/repo.git}), which buildx treats as remote. */
  private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._~-]+@[A-Za-z0-9.-]+:.*");

  private Entitlements() {}

  /** The entitlements to grant, in the order buildx asks for them. */
  public static List<String> required(BakeProject project, Path workDir, PathResolver resolver) {
    Path wd = workDir.toAbsolutePath().normalize();
    Set<String> flags = new LinkedHashSet<>();
    List<String> reads = new ArrayList<>();
    List<String> writes = new ArrayList<>();
    boolean networkHost = false;
    boolean insecure = false;
    boolean sshAgent = false;
    Set<String> devices = new TreeSet<>();
    for (BakeTarget t : project.builtByDefault()) {
      if (t.network() != null && t.network().value().equals("host")) {
        networkHost = true; // bake adds the entitlement itself for network = "host"
      }
      for (Str e : t.entitlements()) {
        String v = e.value();
        if (v.equals("network.host")) {
          networkHost = true;
        } else if (v.equals("security.insecure")) {
          insecure = true;
        } else if (v.equals("device") || v.startsWith("device=")) {
          devices.add(v);
        }
      }
      sshAgent |= paths(t, reads, writes);
    }
    if (networkHost) {
      flags.add("network.host");
    }
    if (insecure) {
      flags.add("security.insecure");
    }
    flags.addAll(devices);
    if (sshAgent) {
      flags.add("ssh");
    }
    Path realWd = resolver.resolve(wd);
    List<Path> ro = missing(reads, wd, realWd, resolver);
    List<Path> rw = missing(writes, wd, realWd, resolver);
    List<String> out = new ArrayList<>(flags);
    Set<Path> both = new LinkedHashSet<>(ro);
    both.retainAll(rw);
    for (Path p : both) {
      out.add("fs=" + display(p, realWd));
    }
    for (Path p : ro) {
      if (!both.contains(p)) {
        out.add("fs.read=" + display(p, realWd));
      }
    }
    for (Path p : rw) {
      if (!both.contains(p)) {
        out.add("fs.write=" + display(p, realWd));
      }
    }
    return out;
  }

  /** Adds the paths target {@code t} reads and writes; returns true when it forwards the ssh agent. */
  private static boolean paths(BakeTarget t, List<String> reads, List<String> writes) {
    // toBuildOpt: the context defaults to ".", the Dockerfile to "Dockerfile"; both are cleaned
    // (the context only when local); a cwd:// prefix means relative to the working directory.
    String context = t.context() == null ? "." : t.context().value();
    if (context.startsWith("cwd://")) {
      context = clean(context.substring("cwd://".length()));
    } else if (!isRemote(context)) {
      context = clean(context);
    }
    String dockerfile = t.dockerfile() == null ? "Dockerfile" : t.dockerfile().value();
    boolean dockerfileFromCwd = dockerfile.startsWith("cwd://");
    dockerfile = clean(dockerfileFromCwd ? dockerfile.substring("cwd://".length()) : dockerfile);
    if (!dockerfileFromCwd && !isRemote(context) && !dockerfile.startsWith("/")) {
      dockerfile = clean(context + "/" + dockerfile);
    }
    addLocal(context, reads);
    addLocal(dockerfile, reads);
    for (Str c : t.contexts().values()) {
      addLocal(c.value(), reads);
    }
    for (BakeObject c : t.cacheFrom()) {
      if ("local".equals(c.string("type")) && c.string("src") != null) {
        reads.add(c.string("src"));
      }
    }
    for (BakeObject s : t.secrets()) {
      if (s.string("src") != null && !s.string("src").isEmpty()) {
        reads.add(s.string("src"));
      }
    }
    boolean agent = false;
    for (BakeObject s : t.ssh()) {
      Object keys = s.attributes().get("paths");
      if (keys instanceof List<?> l && !l.isEmpty()) {
        for (Object k : l) {
          reads.add(((Str) k).value());
        }
      } else {
        agent = true;
      }
    }
    for (BakeObject o : t.outputs()) {
      String dest = o.string("dest");
      if (dest != null && !dest.isEmpty() && !dest.equals("-")) {
        writes.add(dest);
      }
    }
    for (BakeObject c : t.cacheTo()) {
      if ("local".equals(c.string("type")) && c.string("dest") != null) {
        writes.add(c.string("dest"));
      }
    }
    return agent;
  }

  /** buildx {@code isLocalPath}: not remote, not another target, not an image. */
  private static void addLocal(String value, List<String> into) {
    if (value.startsWith("cwd://")) {
      into.add(clean(value.substring("cwd://".length())));
    } else if (!isRemote(value) && !value.startsWith("target:") && !value.startsWith("docker-image:")) {
      into.add(value);
    }
  }

  /**
   * buildx {@code IsRemoteURL}: an http(s) URL or a git reference. Other {@code scheme://} values
   * (such as {@code oci-layout://}) are taken as local names by buildx, relative to the working
   * directory, where they need nothing; treating them as remote gives the same answer.
   */
  static boolean isRemote(String v) {
    return v.contains("://") || v.startsWith("github.com/") || SCP_LIKE.matcher(v).matches();
  }

  /**
   * The paths of {@code given} that are not granted: made absolute against the working directory,
   * resolved, without those under another one or under the working directory, sorted.
   */
  private static List<Path> missing(List<String> given, Path wd, Path realWd, PathResolver resolver) {
    Set<Path> resolved = new TreeSet<>();
    for (String p : given) {
      resolved.add(resolver.resolve(wd.resolve(p).normalize()));
    }
    List<Path> byLength = new ArrayList<>(resolved);
    byLength.sort(Comparator.comparingInt((Path p) -> p.toString().length()).thenComparing(Path::toString));
    List<Path> kept = new ArrayList<>();
    for (Path p : byLength) {
      if (under(p, realWd) || kept.stream().anyMatch(k -> under(p, k))) {
        continue;
      }
      kept.add(p);
    }
    kept.sort(Comparator.comparing(Path::toString));
    return kept;
  }

  /** True when {@code p} is {@code parent} or inside it, compared by whole names. */
  private static boolean under(Path p, Path parent) {
    return p.startsWith(parent);
  }

  /** buildx {@code toRelativePaths}: relative when at most one {@code ..} is needed, else absolute. */
  private static String display(Path p, Path realWd) {
    String rel = realWd.relativize(p).toString();
    return rel.startsWith("../..") ? p.toString() : rel;
  }

  /** Go's {@code path.Clean} for slash-separated paths. */
  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String name : p.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
        continue;
      }
      out.addLast(name);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }
}
