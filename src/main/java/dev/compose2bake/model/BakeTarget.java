package dev.compose2bake.model;

import dev.compose2bake.source.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One bake target, normalised: every list is deduplicated the way bake itself would, maps are
 * sorted, empty values are absent (null). {@code service} and {@code origin} say which Compose
 * service it came from, for messages and the build graph.
 */
public record BakeTarget(
    String name,
    String service,
    Position origin,
    Str context,
    SortedMap<String, Str> contexts,
    Str dockerfile,
    Str dockerfileInline,
    SortedMap<String, Str> args,
    SortedMap<String, Str> labels,
    List<Str> tags,
    List<BakeObject> cacheFrom,
    List<BakeObject> cacheTo,
    Str target,
    List<BakeObject> secrets,
    List<BakeObject> ssh,
    List<Str> platforms,
    List<BakeObject> outputs,
    Boolean pull,
    Boolean noCache,
    Str network,
    List<Str> noCacheFilter,
    Str shmSize,
    List<Str> ulimits,
    List<Str> entitlements,
    SortedMap<String, Str> extraHosts,
    List<BakeObject> attest) {

  /** Visits every string of the target, structured list items included. */
  public void forEachStr(java.util.function.Consumer<Str> visitor) {
    for (Str s : new Str[] {context, dockerfile, dockerfileInline, target, network, shmSize}) {
      if (s != null) {
        visitor.accept(s);
      }
    }
    for (SortedMap<String, Str> m : List.of(contexts, args, labels, extraHosts)) {
      m.values().forEach(visitor);
    }
    for (List<Str> l : List.of(tags, platforms, noCacheFilter, ulimits, entitlements)) {
      l.forEach(visitor);
    }
    for (List<BakeObject> l : List.of(cacheFrom, cacheTo, secrets, ssh, outputs, attest)) {
      for (BakeObject o : l) {
        if (o.raw() != null) {
          visitor.accept(o.raw());
        }
        for (Object v : o.attributes().values()) {
          if (v instanceof Str s) {
            visitor.accept(s);
          } else if (v instanceof List<?> items) {
            for (Object item : items) {
              visitor.accept((Str) item);
            }
          }
        }
      }
    }
  }

  /** This target with another list of entitlements. */
  public BakeTarget withEntitlements(List<Str> newEntitlements) {
    return new BakeTarget(name, service, origin, context, contexts, dockerfile, dockerfileInline, args, labels, tags,
        cacheFrom, cacheTo, target, secrets, ssh, platforms, outputs, pull, noCache, network, noCacheFilter, shmSize,
        ulimits, List.copyOf(newEntitlements), extraHosts, attest);
  }

  /** A mutable builder; {@link #build()} freezes the collections. */
  public static final class Builder {
    public String name;
    public String service;
    public Position origin;
    public Str context;
    public final SortedMap<String, Str> contexts = new TreeMap<>();
    public Str dockerfile;
    public Str dockerfileInline;
    public final SortedMap<String, Str> args = new TreeMap<>();
    public final SortedMap<String, Str> labels = new TreeMap<>();
    public List<Str> tags = new ArrayList<>();
    public List<BakeObject> cacheFrom = new ArrayList<>();
    public List<BakeObject> cacheTo = new ArrayList<>();
    public Str target;
    public List<BakeObject> secrets = new ArrayList<>();
    public List<BakeObject> ssh = new ArrayList<>();
    public List<Str> platforms = new ArrayList<>();
    public List<BakeObject> outputs = new ArrayList<>();
    public Boolean pull;
    public Boolean noCache;
    public Str network;
    public List<Str> noCacheFilter = new ArrayList<>();
    public Str shmSize;
    public List<Str> ulimits = new ArrayList<>();
    public List<Str> entitlements = new ArrayList<>();
    public final SortedMap<String, Str> extraHosts = new TreeMap<>();
    public List<BakeObject> attest = new ArrayList<>();

    public BakeTarget build() {
      return new BakeTarget(name, service, origin, context, freeze(contexts), dockerfile, dockerfileInline,
          freeze(args), freeze(labels), freeze(tags), freeze(cacheFrom), freeze(cacheTo), target, freeze(secrets),
          freeze(ssh), freeze(platforms), freeze(outputs), pull, noCache, network, freeze(noCacheFilter), shmSize,
          freeze(ulimits), freeze(entitlements), freeze(extraHosts), freeze(attest));
    }

    private static <T> List<T> freeze(List<T> list) {
      return Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static <V> SortedMap<String, V> freeze(SortedMap<String, V> map) {
      return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
  }
}
