package dev.compose2bake.lower;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeGroup;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which targets the file holds and what its groups build. Without service names, every
 * buildable service is a target and the {@code default} group holds those Compose would build with
 * the active profiles. With service names (globs allowed, as bake allows them), the file holds
 * those services and every target they reach through {@code service:} contexts, and the default
 * group holds the named ones. Each profile gets a group of its own.
 */
public final class Selection {
  private Selection() {}

  public record Result(List<BakeGroup> groups, List<BakeTarget> targets) {}

  public static Result select(ComposeProject project, List<BakeTarget> all, List<BakeGroup> extraGroups,
      List<String> requested, Diagnostics diags) {
    Map<String, BakeTarget> byName = new TreeMap<>();
    for (BakeTarget t : all) {
      byName.put(t.name(), t);
    }
    Set<String> active = new TreeSet<>(project.activeProfiles());
    boolean allProfiles = active.contains("*");
    TreeSet<String> defaults = new TreeSet<>();
    Set<String> included;
    if (requested.isEmpty()) {
      for (BakeTarget t : all) {
        Service s = t.service() == null ? null : project.services().get(t.service());
        if (s != null && enabled(s, active, allProfiles)) {
          defaults.add(t.name());
        }
      }
      included = byName.keySet();
    } else {
      for (String r : requested) {
        List<String> matches = match(project, byName, r);
        if (matches.isEmpty()) {
          Service s = project.services().get(r);
          if (s != null && s.build() == null) {
            diags.error(null, "service \"" + r + "\" has no build section, so there is nothing to bake for it",
                "name a service that has build:");
          } else {
            diags.error(null, "no service named \"" + r + "\"", "the services with a build section are: "
                + String.join(", ", serviceNames(all)));
          }
        }
        defaults.addAll(matches);
      }
      included = closure(defaults, byName);
    }
    List<BakeTarget> targets = new ArrayList<>();
    for (String name : included) {
      targets.add(byName.get(name));
    }
    List<BakeGroup> groups = new ArrayList<>();
    BakeGroup given = null;
    for (BakeGroup g : extraGroups) {
      if (g.name().equals("default")) {
        given = g; // a default group of a bake file replaces ours, as in bake
      }
    }
    groups.add(given != null ? given : new BakeGroup("default", null, List.copyOf(defaults)));
    groups.addAll(profileGroups(project, targets, byName.keySet()));
    for (BakeGroup g : extraGroups) {
      if (!g.name().equals("default")) {
        groups.add(g);
      }
    }
    return new Result(groups, targets);
  }

  private static boolean enabled(Service s, Set<String> active, boolean allProfiles) {
    if (s.profiles().isEmpty() || allProfiles) {
      return true;
    }
    for (String p : s.profiles()) {
      if (active.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One group per profile, named after it ('.' becomes '_'). When that name is taken by a target
   * or by the default group, the group is called {@code profile-NAME} instead.
   */
  private static List<BakeGroup> profileGroups(ComposeProject project, List<BakeTarget> targets, Set<String> names) {
    Map<String, TreeSet<String>> byProfile = new TreeMap<>();
    for (BakeTarget t : targets) {
      Service s = t.service() == null ? null : project.services().get(t.service());
      for (String p : s == null ? List.<String>of() : s.profiles()) {
        byProfile.computeIfAbsent(p, k -> new TreeSet<>()).add(t.name());
      }
    }
    List<BakeGroup> out = new ArrayList<>();
    Set<String> used = new TreeSet<>(names);
    used.add("default");
    for (Map.Entry<String, TreeSet<String>> e : byProfile.entrySet()) {
      String name = TargetNames.sanitize(e.getKey());
      if (used.contains(name)) {
        name = "profile-" + name;
      }
      used.add(name);
      out.add(new BakeGroup(name, "Services of the Compose profile " + e.getKey(), List.copyOf(e.getValue())));
    }
    return out;
  }

  private static List<String> match(ComposeProject project, Map<String, BakeTarget> byName, String requested) {
    List<String> out = new ArrayList<>();
    if (project.services().containsKey(requested)) {
      Service s = project.services().get(requested);
      if (s.build() != null) {
        out.add(TargetNames.sanitize(requested));
      }
      return out;
    }
    String sanitized = TargetNames.sanitize(requested);
    if (byName.containsKey(sanitized)) {
      out.add(sanitized);
      return out;
    }
    if (requested.indexOf('*') >= 0 || requested.indexOf('?') >= 0 || requested.indexOf('[') >= 0) {
      Pattern p = glob(sanitized);
      for (String name : byName.keySet()) {
        if (p.matcher(name).matches()) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Go's path.Match syntax: * and ? within a name, [...] character classes. */
  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = g.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String cls = g.substring(i + 1, end);
            re.append('[').append(cls.startsWith("^") ? cls : cls.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static Set<String> closure(Set<String> roots, Map<String, BakeTarget> byName) {
    Set<String> seen = new TreeSet<>(roots);
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      BakeTarget t = byName.get(todo.pop());
      if (t == null) {
        continue;
      }
      for (Str c : t.contexts().values()) {
        String v = c.value();
        if (v.startsWith("target:")) {
          String dep = v.substring("target:".length());
          if (byName.containsKey(dep) && seen.add(dep)) {
            todo.push(dep);
          }
        }
      }
    }
    return seen;
  }

  private static List<String> serviceNames(List<BakeTarget> all) {
    List<String> out = new ArrayList<>();
    for (BakeTarget t : all) {
      out.add(t.service() == null ? t.name() : t.service());
    }
    return out;
  }
}
