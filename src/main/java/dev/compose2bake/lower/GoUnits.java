package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of {@code github.com/docker/go-units} v0.5.0 that decide how Compose sizes and
 * ulimits reach bake.
 *
 * <ul>
 *   <li>{@link #ramInBytes}: how compose-go reads a {@code shm_size} string ({@code 64m},
 *       {@code 1.5g}, {@code 100b}; binary multipliers, case-insensitive, optional
 *       {@code b}/{@code ib}).</li>
 *   <li>{@link #bytesSize}: how buildx prints {@code shm-size} ({@code %.4g} + binary unit,
 *       so 100000 becomes {@code 97.66KiB}).</li>
 *   <li>{@link #exactShmSize}: compose2bake's lossless choice between the two.</li>
 *   <li>{@link #parseUlimit(String, long, long)} and friends: go-units' ulimit validation.</li>
 * </ul>
 */
public final class GoUnits {
  private GoUnits() {}

  private static final long KIB = 1024L;
  private static final String[] BINARY_ABBRS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

  /**
   * go-units {@code RAMInBytes}: the number of bytes in a human-readable size. The number is a
   * Go float ({@code 1.5}, {@code 1e3}, {@code 1_000}, {@code 0x1p4}), optionally followed by one
   * space and a suffix {@code b}, {@code k}, {@code kb}, {@code kib} (and m, g, t, p) in any case.
   * The result is truncated towards zero; a result too large for int64 becomes
   * {@link Long#MIN_VALUE} (Go's conversion on amd64), which buildx then drops as non-positive.
   *
   * @throws LowerException with go-units' text: {@code invalid size: 'abc'},
   *     {@code invalid suffix: 'x'} or the {@code strconv.ParseFloat} error
   */
  public static long ramInBytes(String size) {
    return parseSize(size, true);
  }

  /** go-units {@code FromHumanSize}: like {@link #ramInBytes} with decimal (1000) multipliers. */
  public static long fromHumanSize(String size) {
    return parseSize(size, false);
  }

  private static long parseSize(String sizeStr, boolean binary) {
    int sep = -1;
    for (int i = sizeStr.length() - 1; i >= 0; i--) {
      char c = sizeStr.charAt(i);
      if ((c >= '0' && c <= '9') || c == '.' || c == ' ') {
        sep = i;
        break;
      }
    }
    if (sep == -1) {
      throw new LowerException("invalid size: '" + sizeStr + "'", SIZE_HINT);
    }
    String num;
    String sfx;
    if (sizeStr.charAt(sep) != ' ') {
      num = sizeStr.substring(0, sep + 1);
    } else {
      num = sizeStr.substring(0, sep);
    }
    sfx = sizeStr.substring(sep + 1);
    double size;
    try {
      size = GoStrconv.parseFloat(num);
    } catch (GoStrconv.NumError e) {
      throw new LowerException(e.getMessage(), SIZE_HINT);
    }
    if (size < 0) {
      throw new LowerException("invalid size: '" + sizeStr + "'", "sizes cannot be negative");
    }
    if (sfx.isEmpty()) {
      return GoStrconv.goInt64(size);
    }
    byte[] raw = sfx.getBytes(StandardCharsets.UTF_8);
    if (raw.length > 3) {
      throw badSuffix(sfx);
    }
    sfx = GoStrconv.toLower(sfx);
    byte[] b = sfx.getBytes(StandardCharsets.UTF_8);
    if (b[0] == 'b') {
      if (b.length > 1) {
        throw badSuffix(sfx);
      }
      return GoStrconv.goInt64(size);
    }
    long mul = multiplier(b[0], binary);
    if (mul == 0) {
      throw badSuffix(sfx);
    }
    size *= (double) mul;
    if ((b.length == 2 && b[1] != 'b') || (b.length == 3 && !(b[1] == 'i' && b[2] == 'b'))) {
      throw badSuffix(sfx);
    }
    return GoStrconv.goInt64(size);
  }

  private static final String SIZE_HINT = "write a number of bytes, optionally with a unit: 64m, 1.5g, 512k";

  private static LowerException badSuffix(String sfx) {
    return new LowerException("invalid suffix: '" + sfx + "'", "use b, k, m, g, t or p (optionally followed by b or ib)");
  }

  private static long multiplier(byte unit, boolean binary) {
    long base = binary ? KIB : 1000L;
    switch (unit) {
      case 'k': return base;
      case 'm': return base * base;
      case 'g': return base * base * base;
      case 't': return base * base * base * base;
      case 'p': return base * base * base * base * base;
      default: return 0;
    }
  }

  /**
   * go-units {@code BytesSize}: divides by 1024 while the value is at least 1024 (up to YiB) and
   * prints it with Go's {@code %.4g} and a binary unit: {@code 64MiB}, {@code 97.66KiB},
   * {@code 1.001KiB}, {@code 1023B}. This is what buildx prints for {@code shm-size}.
   */
  public static String bytesSize(double size) {
    int i = 0;
    while (size >= 1024.0 && i < BINARY_ABBRS.length - 1) {
      size /= 1024.0;
      i++;
    }
    return GoStrconv.sprintFloatPrec(size, 4) + BINARY_ABBRS[i];
  }

  /**
   * compose2bake's {@code shm-size} value for a number of bytes: the {@link #bytesSize} form when
   * it reads back (through {@link #ramInBytes}, as bake does) to exactly {@code bytes}, otherwise
   * the plain decimal number of bytes. So 67108864 gives {@code 64MiB} and 1023 gives
   * {@code 1023B}, but 1000000 gives {@code 1000000} where buildx prints the lossy
   * {@code 976.6KiB} (conformance case 091). Values of 1 EiB and more always print as plain
   * numbers because go-units cannot read the {@code EiB} unit back. bake reads every size through
   * a float64, so above 2^53 bytes even the plain number can come back rounded (to the nearest
   * float64); nothing more exact exists. buildx drops a size of zero or less; callers should do
   * the same before calling this.
   */
  public static String exactShmSize(long bytes) {
    String compact = bytesSize((double) bytes);
    try {
      if (ramInBytes(compact) == bytes) {
        return compact;
      }
    } catch (LowerException e) {
      // not readable back: fall through to the exact number
    }
    return Long.toString(bytes);
  }

  // ------------------------------------------------------------------ ulimits

  private static final Set<String> ULIMIT_NAMES = Set.of("core", "cpu", "data", "fsize", "locks",
      "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending",
      "stack");

  /** The ulimit names go-units accepts ({@code as} is deliberately absent). */
  public static Set<String> ulimitNames() {
    return ULIMIT_NAMES;
  }

  /**
   * Validates a Compose ulimit in its long form ({@code {soft: s, hard: h}}), as buildx does with
   * go-units {@code ParseUlimit("name=soft:hard")}.
   *
   * @throws LowerException {@code invalid ulimit type: NAME}, {@code ulimit soft limit must be
   *     less than or equal to hard limit: 4096 > 1024}, or the same with
   *     {@code soft: -1 (unlimited), hard: N}
   */
  public static Ulimit parseUlimit(String name, long soft, long hard) {
    checkName(name);
    checkOrder(soft, hard);
    return new Ulimit(name, soft, hard, false);
  }

  /**
   * A Compose ulimit in its short form ({@code nofile: 1024}): soft and hard are both the value.
   * Rendered by compose2bake as {@code name=value}.
   */
  public static Ulimit singleUlimit(String name, long value) {
    checkName(name);
    return new Ulimit(name, value, value, true);
  }

  /**
   * go-units {@code ParseUlimit} of a bake-style string {@code name=soft[:hard]}. A value without
   * {@code :hard} gives a single-value ulimit.
   *
   * @throws LowerException {@code invalid ulimit argument: X}, {@code invalid ulimit type: X},
   *     {@code strconv.ParseInt: parsing "x": invalid syntax}, {@code too many limit value
   *     arguments - 1:2:3, can only have up to two, `soft[:hard]`}, or the soft/hard errors
   */
  public static Ulimit parseUlimit(String spec) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      throw new LowerException("invalid ulimit argument: " + spec, "write name=soft[:hard], e.g. nofile=1024:2048");
    }
    String name = spec.substring(0, eq);
    String values = spec.substring(eq + 1);
    checkName(name);
    String[] parts = values.split(":", -1);
    if (parts.length > 2) {
      throw new LowerException("too many limit value arguments - " + values
          + ", can only have up to two, `soft[:hard]`", null);
    }
    long hard = 0;
    if (parts.length == 2) {
      hard = parseLimit(parts[1]);
    }
    long soft = parseLimit(parts[0]);
    if (parts.length == 1) {
      hard = soft;
    }
    checkOrder(soft, hard);
    return new Ulimit(name, soft, hard, parts.length == 1);
  }

  private static long parseLimit(String s) {
    try {
      return GoStrconv.parseInt(s, 10);
    } catch (GoStrconv.NumError e) {
      throw new LowerException(e.getMessage(), "ulimit values are whole numbers; -1 means unlimited");
    }
  }

  private static void checkName(String name) {
    if (!ULIMIT_NAMES.contains(name)) {
      String lower = name.toLowerCase(Locale.ROOT);
      String hint = ULIMIT_NAMES.contains(lower) ? "ulimit names are lower case: " + lower
          : "known ulimits: core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, "
              + "nproc, rss, rtprio, rttime, sigpending, stack";
      throw new LowerException("invalid ulimit type: " + name, hint);
    }
  }

  private static void checkOrder(long soft, long hard) {
    if (hard != -1) {
      if (soft == -1) {
        throw new LowerException("ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: "
            + hard, "an unlimited soft limit needs an unlimited hard limit (-1)");
      }
      if (soft > hard) {
        throw new LowerException("ulimit soft limit must be less than or equal to hard limit: "
            + soft + " > " + hard, "swap the values or raise the hard limit");
      }
    }
  }
}
