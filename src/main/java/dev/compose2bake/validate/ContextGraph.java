package dev.compose2bake.validate;

import dev.compose2bake.compose.ComposeProject;
import dev.compose2bake.compose.ComposeProject.Service;
import dev.compose2bake.compose.PathText;
import dev.compose2bake.diag.Diagnostics;
import dev.compose2bake.model.BakeTarget;
import dev.compose2bake.model.Str;
import dev.compose2bake.source.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph of {@code target:} named contexts must name existing targets and have no cycle. buildx
 * reports a cycle with a pair of targets that changes from run to run; compose2bake names the whole
 * cycle, starting from its smallest target name, the same every run (a deliberate difference).
 * The walk is an iterative depth-first search in name order: linear in targets plus edges.
 */
final class ContextGraph implements Rule {
  @Override
  public void check(ComposeProject project, List<BakeTarget> targets, Diagnostics diags) {
    Map<String, BakeTarget> byName = new HashMap<>();
    for (BakeTarget t : targets) {
      byName.put(t.name(), t);
    }
    Map<String, List<String>> edges = new HashMap<>();
    for (BakeTarget t : targets) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, Str> c : t.contexts().entrySet()) {
        String v = c.getValue().value();
        if (!v.startsWith("target:")) {
          continue;
        }
        String dep = v.substring("target:".length());
        Position pos = position(project, t, c.getKey());
        if (dep.equals(t.name())) {
          diags.error(pos, "target \"" + t.name() + "\" uses itself as its additional context " + c.getKey(),
              "a service cannot be built on top of itself; point the context at another service");
        } else if (!byName.containsKey(dep)) {
          diags.error(pos, "the additional context " + c.getKey() + " of \"" + t.name() + "\" names unknown target \""
              + dep + "\"", "use service:NAME with the name of a service that has a build section");
        } else {
          out.add(dep);
        }
      }
      edges.put(t.name(), out);
    }
    findCycles(targets, edges, project, byName, diags);
  }

  private void findCycles(List<BakeTarget> targets, Map<String, List<String>> edges, ComposeProject project,
      Map<String, BakeTarget> byName, Diagnostics diags) {
    Map<String, Integer> state = new HashMap<>(); // absent: new, 1: on the stack, 2: done
    Set<String> reported = new HashSet<>();
    for (BakeTarget start : targets) {
      if (state.containsKey(start.name())) {
        continue;
      }
      List<String> stack = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      stack.add(start.name());
      next.add(0);
      state.put(start.name(), 1);
      while (!stack.isEmpty()) {
        int top = stack.size() - 1;
        String node = stack.get(top);
        List<String> deps = edges.getOrDefault(node, List.of());
        int i = next.get(top);
        if (i >= deps.size()) {
          state.put(node, 2);
          stack.remove(top);
          next.remove(top);
          continue;
        }
        next.set(top, i + 1);
        String dep = deps.get(i);
        Integer s = state.get(dep);
        if (s == null) {
          state.put(dep, 1);
          stack.add(dep);
          next.add(0);
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(dep), stack.size()));
          report(cycle, project, byName, reported, diags);
        }
      }
    }
  }

  private void report(List<String> cycle, ComposeProject project, Map<String, BakeTarget> byName,
      Set<String> reported, Diagnostics diags) {
    int min = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
        min = i;
      }
    }
    List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
    rotated.addAll(cycle.subList(0, min));
    String key = String.join(" -> ", rotated);
    if (!reported.add(key)) {
      return;
    }
    BakeTarget first = byName.get(rotated.get(0));
    String next = rotated.size() > 1 ? rotated.get(1) : rotated.get(0);
    String contextName = null;
    for (Map.Entry<String, Str> c : first.contexts().entrySet()) {
      if (c.getValue().value().equals("target:" + next)) {
        contextName = c.getKey();
        break;
      }
    }
    diags.error(position(project, first, contextName), "the additional contexts form a cycle: " + key + " -> "
        + rotated.get(0), "each service in the cycle would need the image of the next one before it is built;"
        + " remove one of these service: contexts");
  }

  static Position position(ComposeProject project, BakeTarget t, String contextName) {
    Service s = t.service() == null ? null : project.services().get(t.service());
    if (s != null && s.build() != null && contextName != null) {
      PathText p = s.build().additionalContexts().get(contextName);
      if (p != null) {
        return p.text().position();
      }
    }
    return t.origin();
  }
}
