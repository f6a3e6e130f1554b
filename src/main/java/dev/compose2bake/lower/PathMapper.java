package dev.compose2bake.lower;

import dev.compose2bake.compose.PathText;
import java.nio.file.Path;

/**
 * Rewrites Compose paths for the bake file. Compose resolves a relative path against the project
 * directory (or the folder of an extended or included file); bake resolves it against the
 * directory it runs in, which is the output file's directory. So a relative path is re-based from
 * its Compose base onto the output directory. Remote references, {@code docker-image://} and other
 * {@code scheme://} values, and absolute paths are kept; {@code ~} is expanded as Compose does.
 */
public final class PathMapper {
  private final Path outputDir;
  private final String home;

  public PathMapper(Path outputDir, String home) {
    this.outputDir = outputDir.toAbsolutePath().normalize();
    this.home = home;
  }

  /** Prefixes compose-go treats as remote build contexts (paths/context.go). */
  public static boolean isRemote(String v) {
    return v.contains("://") || v.startsWith("git@") || v.startsWith("github.com/");
  }

  /** A build context or secret/ssh path: cleaned; relative paths re-based onto the output directory. */
  public String path(PathText p) {
    String v = p.value();
    if (isRemote(v)) {
      return v;
    }
    v = expandHome(v);
    Path abs = p.base().resolve(v).normalize();
    if (Path.of(v).isAbsolute()) {
      return abs.toString();
    }
    return relative(abs);
  }

  /** An additional context path: like {@link #path} but an absolute path is kept exactly as written. */
  public String contextPath(PathText p) {
    String v = p.value();
    if (isRemote(v)) {
      return v;
    }
    v = expandHome(v);
    if (Path.of(v).isAbsolute()) {
      return v;
    }
    return relative(p.base().resolve(v).normalize());
  }

  /**
   * A path written in bake syntax inside x-bake: kept verbatim when Compose's base is the output
   * directory (bake would read it exactly so), re-based otherwise.
   */
  public String bakePath(String v, Path base) {
    if (v.isEmpty() || isRemote(v) || Path.of(v).isAbsolute() || base.normalize().equals(outputDir)) {
      return v;
    }
    return relative(base.resolve(v).normalize());
  }

  /** True when a relative path is written relative to the output directory already (no re-basing needed). */
  public boolean sameBase(PathText p) {
    String v = p.value();
    return !v.startsWith("~") && !isRemote(v) && !Path.of(v).isAbsolute()
        && p.base().normalize().equals(outputDir);
  }

  private String relative(Path abs) {
    String rel = outputDir.relativize(abs).toString();
    return rel.isEmpty() ? "." : rel;
  }

  /** compose-go's ExpandUser: a leading ~ becomes the home directory, joined with the rest. */
  private String expandHome(String v) {
    if (!v.startsWith("~") || home == null || home.isEmpty()) {
      return v;
    }
    String rest = v.substring(1);
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    return rest.isEmpty() ? home : Path.of(home).resolve(rest).normalize().toString();
  }

  public Path outputDir() {
    return outputDir;
  }
}
