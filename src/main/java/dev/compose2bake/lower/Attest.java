package dev.compose2bake.lower;

import dev.compose2bake.gocompat.GoStrconv;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One attestation as bake prints it: the attributes plus {@code type}, and
 * {@code "disabled": true} (a JSON boolean) when disabled, e.g.
 * {@code {"mode":"max","type":"provenance"}} or {@code {"disabled":true,"type":"sbom"}}.
 *
 * <p>Compose's {@code sbom} and {@code provenance} strings go through buildx
 * {@code CanonicalizeAttest} ({@link #canonicalize}) and {@code ParseAttests} ({@link #parse}):
 * a Go boolean ({@code true}, {@code 0}, {@code F}, ...) becomes {@code disabled=!value}, anything
 * else is appended to {@code type=NAME,} and must then be {@code key=value} fields. Attribute keys
 * keep their spelling ({@code MODE=max} stays {@code MODE}); only {@code type} and
 * {@code disabled} are matched case-insensitively.
 */
public record Attest(String type, boolean disabled, SortedMap<String, String> attrs) {

  /** Copies {@code attrs} into an unmodifiable, byte-ordered map. */
  public Attest {
    TreeMap<String, String> copy = new TreeMap<>(GoStrconv.BYTE_ORDER);
    copy.putAll(attrs);
    attrs = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * buildx {@code CanonicalizeAttest}: {@code ""} stays empty; a value Go's
   * {@code strconv.ParseBool} accepts gives {@code type=T,disabled=!v}; anything else gives
   * {@code type=T,value}.
   */
  public static String canonicalize(String attestType, String in) {
    if (in.isEmpty()) {
      return "";
    }
    try {
      boolean b = GoStrconv.parseBool(in);
      return "type=" + attestType + ",disabled=" + !b;
    } catch (GoStrconv.NumError e) {
      return "type=" + attestType + "," + in;
    }
  }

  /**
   * Parses one attestation string (buildx {@code Attest.UnmarshalText}).
   *
   * @throws LowerException {@code invalid value max}, {@code invalid value disabled=maybe:
   *     strconv.ParseBool: parsing "maybe": invalid syntax}, {@code attestation type not
   *     specified}, or a CSV error
   */
  public static Attest parse(String text) {
    List<String> fields = Csv.fields(text);
    String type = "";
    boolean disabled = false;
    TreeMap<String, String> attrs = new TreeMap<>(GoStrconv.BYTE_ORDER);
    for (String field : fields) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new LowerException("invalid value " + field,
            "use true, false or key=value settings such as mode=max");
      }
      String key = field.substring(0, eq);
      String value = field.substring(eq + 1);
      switch (GoStrconv.trimSpace(GoStrconv.toLower(key))) {
        case "type":
          type = value;
          break;
        case "disabled":
          try {
            disabled = GoStrconv.parseBool(value);
          } catch (GoStrconv.NumError e) {
            throw new LowerException("invalid value " + field + ": " + e.getMessage(),
                "disabled takes true or false");
          }
          break;
        default:
          attrs.put(key, value);
      }
    }
    if (type.isEmpty()) {
      throw new LowerException("attestation type not specified", "add type=sbom or type=provenance");
    }
    return new Attest(type, disabled, attrs);
  }

  /**
   * buildx {@code ParseAttests}: parses each non-empty string and de-duplicates by type
   * ({@link #dedupByType}).
   */
  public static List<Attest> parseAttests(List<String> in) {
    return dedupByType(Csv.parseEach(in, Attest::parse));
  }

  /** buildx's de-duplication by type: first position, last value. */
  public static List<Attest> dedupByType(List<Attest> attests) {
    return Dedup.lastWinsAtFirstPosition(attests, Attest::type);
  }

  /**
   * What bake prints for a Compose service's {@code sbom} and {@code provenance} values (each
   * null or empty when absent): the sbom entry first, then provenance.
   */
  public static List<Attest> forCompose(String sbom, String provenance) {
    List<String> in = new ArrayList<>();
    if (sbom != null && !sbom.isEmpty()) {
      in.add(canonicalize("sbom", sbom));
    }
    if (provenance != null && !provenance.isEmpty()) {
      in.add(canonicalize("provenance", provenance));
    }
    return parseAttests(in);
  }

  /** The object bake prints: attributes, {@code type}, and {@code disabled: true} if disabled. */
  public SortedMap<String, Object> toJson() {
    TreeMap<String, Object> m = new TreeMap<>(GoStrconv.BYTE_ORDER);
    m.putAll(attrs);
    m.put("type", type);
    if (disabled) {
      m.put("disabled", Boolean.TRUE);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** The CSV form: {@code type=..[,disabled=true],attrs...}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!type.isEmpty()) {
      sb.append("type=").append(type);
    }
    if (disabled) {
      sb.append(sb.length() > 0 ? "," : "").append("disabled=true");
    }
    attrs.forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
    return sb.toString();
  }
}
