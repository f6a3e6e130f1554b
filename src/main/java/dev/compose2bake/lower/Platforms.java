package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Platform validation as buildx 0.29.1 does it while preparing a build ({@code
 * platformutil.Parse} over {@code containerd/platforms.Parse}), which also runs during
 * {@code --print}. Only validation: bake prints platforms as written ({@code Linux/AMD64} stays
 * so), after removing duplicates and empty strings ({@link #dedup}).
 *
 * <p>A list entry may hold several platforms separated by commas, and {@code local} (any case)
 * means the host platform. A specifier is {@code os[(version[+feature...])]}, {@code arch}, or
 * {@code os/arch[/variant]}; a single component must be a known operating system or architecture.
 */
public final class Platforms {
  private Platforms() {}

  private static final String SPECIFIER_RE = "^[A-Za-z0-9_.-]+$";
  private static final String OS_RE =
      "^([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?$";
  private static final Pattern SPECIFIER = Pattern.compile(SPECIFIER_RE);
  private static final Pattern OS = Pattern.compile(OS_RE);

  private static final Set<String> KNOWN_OS = Set.of("aix", "android", "darwin", "dragonfly", "freebsd",
      "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris",
      "windows", "zos");
  private static final Set<String> KNOWN_ARCH = Set.of("386", "amd64", "amd64p32", "arm", "armbe",
      "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips", "mipsle", "mips64", "mips64le",
      "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64",
      "wasm");

  private static final String HINT = "write os/arch[/variant], e.g. linux/amd64 or linux/arm/v7";

  /**
   * Validates every non-empty entry of a target's {@code platforms} list, in order (bake drops
   * empty entries before it parses the rest).
   *
   * @throws LowerException for the first invalid entry, with containerd's message
   */
  public static void validateAll(List<String> platforms) {
    for (String p : platforms) {
      if (!p.isEmpty()) {
        validate(p);
      }
    }
  }

  /**
   * Validates one list entry: split at commas, each part {@code local} or a valid specifier.
   *
   * @throws LowerException e.g. {@code "platform/x" is an invalid component of
   *     "not/a/valid/platform/x": platform specifier component must match "^[A-Za-z0-9_.-]+$":
   *     invalid argument}
   */
  public static void validate(String entry) {
    String[] parts = entry.split(",", -1);
    for (String part : parts) {
      if (part.equalsIgnoreCase("local")) {
        continue;
      }
      validateSpecifier(part);
    }
  }

  /** containerd {@code platforms.Parse} without the comma and {@code local} handling. */
  public static void validateSpecifier(String specifier) {
    if (specifier.contains("*")) {
      throw invalid(GoStrconv.quote(specifier) + ": wildcards not yet supported");
    }
    String[] parts = splitN(specifier, 4);
    String os = null;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == 0) {
        Matcher m = OS.matcher(part);
        if (!m.matches()) {
          throw invalid(GoStrconv.quote(part) + " is an invalid OS component of "
              + GoStrconv.quote(specifier)
              + ": OSAndVersion specifier component must match " + GoStrconv.quote(OS_RE));
        }
        os = normalizeOs(m.group(1));
        String version = m.group(2) == null ? "" : m.group(2);
        String err = pathUnescapeError(version);
        if (err != null) {
          throw invalid(GoStrconv.quote(specifier) + " has an invalid OS version "
              + GoStrconv.quote(version) + ": " + err, false);
        }
        String features = m.group(3) == null ? "" : m.group(3);
        if (!features.isEmpty()) {
          for (String f : features.substring(1).split("\\+", -1)) {
            err = pathUnescapeError(f);
            if (err != null) {
              throw invalid(GoStrconv.quote(specifier) + " has an invalid OS feature "
                  + GoStrconv.quote(f) + ": " + err, false);
            }
          }
        }
      } else if (!SPECIFIER.matcher(part).matches()) {
        throw invalid(GoStrconv.quote(part) + " is an invalid component of " + GoStrconv.quote(specifier)
            + ": platform specifier component must match " + GoStrconv.quote(SPECIFIER_RE));
      }
    }
    switch (parts.length) {
      case 1:
        if (KNOWN_OS.contains(os)) {
          return;
        }
        if (KNOWN_ARCH.contains(normalizeArch(parts[0]))) {
          return;
        }
        throw invalid(GoStrconv.quote(specifier) + ": unknown operating system or architecture");
      case 2:
      case 3:
        return;
      default:
        throw invalid(GoStrconv.quote(specifier) + ": cannot parse platform specifier");
    }
  }

  /**
   * bake's de-duplication of the list ({@code removeDupesStr}): first occurrence wins, empty
   * strings are dropped, spelling is kept.
   */
  public static List<String> dedup(List<String> platforms) {
    return Dedup.removeDupesStr(platforms);
  }

  private static String[] splitN(String s, int n) {
    return s.split("/", n);
  }

  private static String normalizeOs(String os) {
    String lower = GoStrconv.toLower(os);
    return lower.equals("macos") ? "darwin" : lower;
  }

  private static String normalizeArch(String arch) {
    String a = GoStrconv.toLower(arch);
    switch (a) {
      case "i386":
        return "386";
      case "x86_64":
      case "x86-64":
        return "amd64";
      case "aarch64":
        return "arm64";
      case "armhf":
      case "armel":
        return "arm";
      default:
        return a;
    }
  }

  /** The error of Go's {@code url.PathUnescape} for a value containing {@code %}, or null. */
  private static String pathUnescapeError(String v) {
    if (!v.contains("%")) {
      return null;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '%') {
        if (i + 2 >= v.length() || !isHex(v.charAt(i + 1)) || !isHex(v.charAt(i + 2))) {
          String bad = v.substring(i, Math.min(v.length(), i + 3));
          return "invalid URL escape " + GoStrconv.quote(bad);
        }
        i += 2;
      }
    }
    return null;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static LowerException invalid(String message) {
    return invalid(message, true);
  }

  private static LowerException invalid(String message, boolean invalidArgument) {
    return new LowerException(invalidArgument ? message + ": invalid argument" : message,
        HINT);
  }
}
