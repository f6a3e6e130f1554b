package dev.compose2bake.compose;

import dev.compose2bake.source.MapNode;
import dev.compose2bake.source.Node;
import dev.compose2bake.source.ScalarNode;
import dev.compose2bake.source.SeqNode;

/**
 * Checks a service's {@code ports} the way compose-go's transform does. buildx ignores ports, but
 * it still runs this transform, so a malformed port makes both tools refuse the file.
 */
final class Ports {
  private Ports() {}

  static Node check(Node v, TreePath path) {
    if (!(v instanceof SeqNode seq)) {
      throw Canonical.fail(v.position(), path + ": invalid type " + Canonical.goType(v) + " for port",
          "write ports as a list, e.g. - \"8080:80\"");
    }
    for (Node item : seq.items()) {
      if (item instanceof MapNode || (item instanceof ScalarNode s && s.isInteger())) {
        continue;
      }
      if (!(item instanceof ScalarNode s) || !s.isString()) {
        throw Canonical.fail(item.position(), path + ": invalid type " + Canonical.goType(item) + " for port",
            "write a port as \"HOST:CONTAINER\" or a number");
      }
      String problem = problem(s.text());
      if (problem != null) {
        throw Canonical.fail(s.position(), problem + " in port \"" + s.text() + "\"",
            "a port is [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80/tcp\"");
      }
    }
    return v;
  }

  /** The problem docker/go-connections' port parser reports for a spec, or null when it parses. */
  static String problem(String spec) {
    String rest = spec;
    String proto = "tcp";
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      proto = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      return "Invalid proto: " + proto;
    }
    String ip = "";
    String host = "";
    String container;
    int lastColon = rest.lastIndexOf(':');
    if (lastColon < 0) {
      container = rest;
    } else {
      container = rest.substring(lastColon + 1);
      String front = rest.substring(0, lastColon);
      if (front.startsWith("[") && front.endsWith("]")) {
        ip = front.substring(1, front.length() - 1);
      } else {
        int c = front.lastIndexOf(':');
        if (c < 0) {
          host = front;
        } else {
          host = front.substring(c + 1);
          ip = front.substring(0, c);
          if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
          }
        }
      }
    }
    if (!ip.isEmpty() && !validIp(ip)) {
      return "Invalid ip address: " + ip;
    }
    if (container.isEmpty() || !validRange(container)) {
      return "Invalid containerPort: " + container;
    }
    if (!host.isEmpty() && !validRange(host)) {
      return "Invalid hostPort: " + host;
    }
    return null;
  }

  private static boolean validRange(String s) {
    int dash = s.indexOf('-');
    if (dash < 0) {
      return validPort(s);
    }
    return validPort(s.substring(0, dash)) && validPort(s.substring(dash + 1));
  }

  private static boolean validPort(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return Integer.parseInt(s) <= 65535;
  }

  private static boolean validIp(String ip) {
    if (ip.contains(":")) {
      return ip.matches("[0-9A-Fa-f:.]+");
    }
    String[] parts = ip.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (!validPort(p) || p.length() > 3 || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
