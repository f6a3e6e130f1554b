package dev.compose2bake.lower;

import dev.compose2bake.model.BakeObject;
import dev.compose2bake.model.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns buildx's structured values (cache entries, secrets, ...) into IR objects. */
final class BakeObjects {
  private BakeObjects() {}

  static <T> List<BakeObject> of(List<T> values, Function<T, Map<String, Object>> json) {
    List<BakeObject> out = new ArrayList<>();
    for (T v : values) {
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : json.apply(v).entrySet()) {
        attrs.put(e.getKey(), convert(e.getValue()));
      }
      out.add(new BakeObject(attrs));
    }
    return out;
  }

  private static Object convert(Object v) {
    if (v instanceof String s) {
      return Str.of(s);
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof List<?> l) {
      List<Str> out = new ArrayList<>();
      for (Object o : l) {
        out.add(Str.of(String.valueOf(o)));
      }
      return out;
    }
    throw new IllegalArgumentException("unexpected value " + v);
  }
}
