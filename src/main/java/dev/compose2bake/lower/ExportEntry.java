package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One build output as bake prints it: the attributes plus {@code type} and, when set,
 * {@code dest}, e.g. {@code {"dest":"./out","type":"local"}} or
 * {@code {"name":"r/x","push":"true","type":"image"}}.
 *
 * <p>{@link #parse} follows buildx {@code buildflags.ExportEntry.UnmarshalText}: a single CSV
 * field that is the whole value and does not start with {@code type=} is a local directory
 * ({@code -} means a tar stream to stdout); otherwise every field is {@code key=value}, keys
 * trimmed and lower-cased. {@link #validateForBuild} reproduces the later checks buildx makes while
 * preparing the build, which also run during {@code --print}.
 *
 * @param destination the {@code dest} value, empty when absent
 */
public record ExportEntry(String type, SortedMap<String, String> attrs, String destination) {

  /** Copies {@code attrs} into an unmodifiable, byte-ordered map; null destination means none. */
  public ExportEntry {
    TreeMap<String, String> copy = new TreeMap<>(GoStrconv.BYTE_ORDER);
    copy.putAll(attrs);
    attrs = Collections.unmodifiableSortedMap(copy);
    destination = destination == null ? "" : destination;
  }

  /**
   * Parses one output value.
   *
   * @throws LowerException {@code invalid value X}, {@code type is required for output}, or a CSV
   *     error
   */
  public static ExportEntry parse(String s) {
    List<String> fields = Csv.fields(s);
    if (fields.size() == 1 && fields.get(0).equals(s) && !s.startsWith("type=")) {
      return new ExportEntry(s.equals("-") ? "tar" : "local", new TreeMap<>(), s);
    }
    String type = "";
    String dest = "";
    TreeMap<String, String> attrs = new TreeMap<>(GoStrconv.BYTE_ORDER);
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new LowerException("invalid value " + field,
            "write the output as type=NAME,key=value,... or as a plain directory path");
      }
      String key = GoStrconv.trimSpace(GoStrconv.toLower(field.substring(0, eq)));
      String value = field.substring(eq + 1);
      switch (key) {
        case "type":
          type = value;
          break;
        case "dest":
          dest = value;
          break;
        default:
          attrs.put(key, value);
      }
    }
    if (type.isEmpty()) {
      throw new LowerException("type is required for output", "add type=..., e.g. type=local,dest=./out");
    }
    return new ExportEntry(type, attrs, dest);
  }

  /** Parses a list the way bake does: empty strings are skipped. */
  public static List<ExportEntry> parseAll(List<String> values) {
    return Csv.parseEach(values, ExportEntry::parse);
  }

  /** buildx's de-duplication of outputs; see {@link Dedup#removeDupes}. */
  public static List<ExportEntry> removeDupes(List<ExportEntry> entries) {
    return Dedup.removeDupes(entries);
  }

  /**
   * The checks of buildx {@code controller/pb.CreateExports}, which run while bake prepares the
   * build and so also during {@code --print}, in list order:
   * <ul>
   *   <li>{@code local}, and {@code oci}/{@code docker} with {@code tar=false}, need a
   *       {@code dest} that is not {@code -}: {@code dest is required for local exporter},
   *       {@code dest cannot be stdout for local exporter};</li>
   *   <li>{@code tar}, and {@code oci}/{@code docker} without {@code tar=false}, write a file;
   *       {@code tar} and {@code oci} without {@code dest} get {@code dest=-} (stdout), and buildx
   *       prints that {@code dest}; two outputs on stdout fail with {@code multiple outputs
   *       configured to write to stdout}.</li>
   * </ul>
   * Type names are case-sensitive ({@code LOCAL} is not checked). Not reproduced, because they
   * depend on the machine: buildx also fails when a directory {@code dest} is an existing file
   * or a file {@code dest} an existing directory, refuses stdout when it is a terminal, and
   * <em>creates</em> the file {@code dest} of tar/oci/docker outputs even for {@code --print}.
   *
   * @return the entries with the {@code dest=-} defaults applied (what {@code --print} shows)
   */
  public static List<ExportEntry> validateForBuild(List<ExportEntry> entries) {
    List<ExportEntry> out = new ArrayList<>();
    boolean stdoutUsed = false;
    for (ExportEntry e : entries) {
      if (e.type.isEmpty()) {
        throw new LowerException("type is required for output", null);
      }
      boolean supportFile = false;
      boolean supportDir = false;
      switch (e.type) {
        case "local":
          supportDir = true;
          break;
        case "tar":
          supportFile = true;
          break;
        case "oci":
        case "docker":
          boolean tar = true;
          try {
            tar = GoStrconv.parseBool(e.attrs.getOrDefault("tar", ""));
          } catch (GoStrconv.NumError ignored) {
            // buildx treats an unreadable tar= as true
          }
          supportFile = tar;
          supportDir = !tar;
          break;
        default:
          break;
      }
      String dest = e.destination;
      if (supportDir) {
        if (dest.isEmpty()) {
          throw new LowerException("dest is required for " + e.type + " exporter",
              "add dest=DIRECTORY, e.g. type=" + e.type + ",dest=./out");
        }
        if (dest.equals("-")) {
          throw new LowerException("dest cannot be stdout for " + e.type + " exporter",
              "use a directory as dest");
        }
      }
      if (supportFile) {
        if (dest.isEmpty() && !e.type.equals("docker")) {
          dest = "-";
        }
        if (dest.equals("-")) {
          if (stdoutUsed) {
            throw new LowerException("multiple outputs configured to write to stdout",
                "give all but one of the tar/oci outputs a dest file");
          }
          stdoutUsed = true;
        }
      }
      out.add(dest.equals(e.destination) ? e : new ExportEntry(e.type, e.attrs, dest));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * What bake prints for a Compose service's x-bake {@code output} strings: parsed, de-duplicated
   * with {@link #removeDupes} and checked with {@link #validateForBuild}.
   */
  public static List<ExportEntry> forCompose(List<String> xbake) {
    return validateForBuild(removeDupes(parseAll(xbake)));
  }

  /** The object bake prints: attributes, {@code type}, and {@code dest} when set. */
  public SortedMap<String, Object> toJson() {
    TreeMap<String, Object> m = new TreeMap<>(GoStrconv.BYTE_ORDER);
    m.putAll(attrs);
    m.put("type", type);
    if (!destination.isEmpty()) {
      m.put("dest", destination);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** The CSV form: {@code type=..,dest=..,attrs...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!type.isEmpty()) {
      sb.append("type=").append(type);
    }
    if (!destination.isEmpty()) {
      sb.append(sb.length() > 0 ? "," : "").append("dest=").append(destination);
    }
    attrs.forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
    return sb.toString();
  }
}
