package dev.compose2bake.source;

import dev.compose2bake.diag.CompileException;
import dev.compose2bake.diag.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML into position-carrying {@link Node} trees, straight from snakeyaml-engine's parse
 * events. It resolves plain scalars the way go-yaml v3 does (Compose's YAML library), expands
 * aliases by sharing nodes, applies {@code <<} merge keys, rejects duplicate keys, and enforces
 * {@link YamlLimits}.
 */
public final class YamlReader {
  private static final String CORE_TAG = "tag:yaml.org,2002:";

  private final YamlLimits limits;

  public YamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  /** The documents of the file, in order; an empty or comment-only file has none. */
  public List<Node> read(SourceFile file) {
    if (file.text().length() > limits.maxBytes()) {
      throw error(Position.ofFile(file), "the file is larger than the limit of " + limits.maxBytes() + " bytes",
          "split the project into several files (Compose merges them with -f); "
              + YamlLimits.raise(YamlLimits.BYTES, limits.maxBytes()));
    }
    try {
      List<Node> documents = readSimple(file);
      if (documents != null) {
        return documents;
      }
    } catch (CompileException e) {
      // the file breaks a rule of the builder: the full reader below gives the error it reports
    }
    return readFully(file);
  }

  /** The documents as {@link BlockYaml} reads them, or null when the file is beyond it. */
  List<Node> readSimple(SourceFile file) {
    Builder builder = new Builder(file);
    return BlockYaml.read(file, builder) ? builder.documents : null;
  }

  /** The documents as snakeyaml reads them, for any file; its errors with their positions. */
  List<Node> readFully(SourceFile file) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(file.displayName())
        .setCodePointLimit(Math.max(limits.maxBytes(), 1))
        .setUseMarks(true)
        .build();
    Builder builder = new Builder(file);
    try {
      for (Event event : new Parse(settings).parseString(file.text())) {
        builder.accept(event);
      }
    } catch (MarkedYamlEngineException e) {
      checkCharacters(file);
      throw syntaxError(file, e);
    } catch (YamlEngineException e) {
      checkCharacters(file);
      throw error(Position.ofFile(file), "invalid YAML: " + firstLine(e.getMessage()), null);
    } catch (CompileException e) {
      checkCharacters(file);
      throw e;
    }
    return builder.documents;
  }

  /**
   * YAML allows only printable characters (YAML 1.2, production c-printable): no control
   * characters but tab and line breaks, no lone surrogates, no U+FFFE/U+FFFF. snakeyaml refuses
   * them without a position; this finds the first one and says where it is. It runs only when the
   * file failed to load: snakeyaml checks every character it reads and reads a file that loads to
   * its end, so a file that loads has none; and a file that holds one is reported for it, whatever
   * else went wrong first (a check on every file was a third of a small run's interpreted time).
   */
  private static void checkCharacters(SourceFile file) {
    String text = file.text();
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      boolean printable = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7E) || c == 0x85
          || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
      if (!printable) {
        int[] lc = file.lineAndColumn(i);
        String name = String.format("U+%04X", c);
        throw error(new Position(file, lc[0], lc[1]), "the file contains the character " + name
            + (c == 0 ? " (NUL)" : c == 0x1B ? " (ESC)" : "") + ", which YAML does not allow",
            "remove it; inside a double-quoted string it can be written as an escape, e.g. \\u"
                + String.format("%04X", c & 0xFFFF));
      }
      i += Character.charCount(c);
    }
  }

  private CompileException syntaxError(SourceFile file, MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    Position pos = problemMark.or(() -> contextMark).map(m -> position(file, m)).orElse(Position.ofFile(file));
    String hint = null;
    if (problem.contains("(TAB)") || problem.contains("'\\t'")) {
      problem = "a tab character cannot start a token here";
      hint = "YAML does not allow tabs for indentation: indent with spaces";
    } else if (e.getContext() != null && !e.getContext().isEmpty() && contextMark.isPresent()) {
      Mark c = contextMark.get();
      String what = e.getContext().replaceFirst("^while (parsing|scanning) ", "").replaceFirst("^an? ", "");
      boolean atEnd = problemMark.isEmpty() || file.line(pos.line()).isEmpty();
      if (atEnd) {
        // The problem is at the end of the file: point at what was left open instead.
        pos = position(file, c);
        problem = problem + " (the " + what + " is never closed)";
      } else {
        hint = "in the " + what + " that starts at line " + (c.getLine() + 1) + ", column " + (c.getColumn() + 1);
      }
    }
    return new CompileException(Diagnostic.error(pos, "invalid YAML: " + problem, hint));
  }

  private static int loneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static Position position(SourceFile file, Mark mark) {
    return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static CompileException error(Position pos, String message, String hint) {
    return new CompileException(Diagnostic.error(pos, message, hint));
  }

  /** Turns the event stream into nodes with an explicit stack (no recursion on deep input). */
  private final class Builder implements BlockYaml.Sink {
    private final SourceFile file;
    private final List<Node> documents = new ArrayList<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final Deque<Frame> stack = new ArrayDeque<>();
    private long expanded;

    Builder(SourceFile file) {
      this.file = file;
    }

    void accept(Event event) {
      switch (event.getEventId()) {
        case DocumentStart:
          documentStart();
          break;
        case Scalar:
          ScalarEvent s = (ScalarEvent) event;
          scalar(s.getValue(), s.getScalarStyle(), s.getTag(), pos(s), anchorOf(s));
          break;
        case Alias:
          alias(((AliasEvent) event).getAlias().getValue(), pos(event));
          break;
        case MappingStart:
        case SequenceStart:
          CollectionStartEvent c = (CollectionStartEvent) event;
          start(event.getEventId() == Event.ID.MappingStart, pos(event), localTag(c.getTag()), anchorOf(c));
          break;
        case MappingEnd:
        case SequenceEnd:
          end();
          break;
        default:
          break;
      }
    }

    @Override
    public void documentStart() {
      anchors.clear();
    }

    @Override
    public void alias(String name, Position p) {
      Node target = anchors.get(name);
      if (target == null) {
        throw error(p, "unknown YAML alias *" + name, "define the anchor &" + name + " before using it");
      }
      add(target, null);
    }

    @Override
    public void start(boolean mapping, Position p, String tag, String anchor) {
      if (stack.size() >= limits.maxDepth()) {
        throw error(p, "the YAML is nested more than " + limits.maxDepth()
            + " levels deep (the limit on nesting)", "a Compose file never needs this depth; check for generated"
            + " or corrupted input; " + YamlLimits.raise(YamlLimits.DEPTH, limits.maxDepth()));
      }
      stack.push(new Frame(mapping, p, tag, anchor));
    }

    @Override
    public void end() {
      Frame f = stack.pop();
      add(f.mapping ? f.finishMap() : new SeqNode(f.items, f.position, f.tag), f.anchor);
    }

    private String anchorOf(NodeEvent e) {
      return e.getAnchor().map(Anchor::getValue).orElse(null);
    }

    private Position pos(Event e) {
      return e.getStartMark().map(m -> position(file, m)).orElse(Position.ofFile(file));
    }

    @Override
    public void scalar(String text, ScalarStyle style, Optional<String> tag, Position p, String anchor) {
      add(scalarNode(text, style, tag, p), anchor);
    }

    private ScalarNode scalarNode(String text, ScalarStyle style, Optional<String> tag, Position p) {
      if (text.length() > limits.maxStringLength()) {
        throw error(p, "a string of " + text.length() + " characters is longer than the limit of "
            + limits.maxStringLength() + " characters", "keep large content in files (a Dockerfile rather than"
            + " dockerfile_inline); " + YamlLimits.raise(YamlLimits.STRING, limits.maxStringLength()));
      }
      // Only a double-quoted escape can make one: the file's own characters have been checked.
      int bad = style == ScalarStyle.DOUBLE_QUOTED ? loneSurrogate(text) : -1;
      if (bad >= 0) {
        throw error(p, String.format("the string holds a lone surrogate U+%04X, which is not a character",
            (int) text.charAt(bad)), "an escape \\uD800-\\uDFFF must be part of a pair; for characters beyond"
            + " U+FFFF write \\UXXXXXXXX");
      }
      if (tag.isPresent() && tag.get().startsWith(CORE_TAG)) {
        return new ScalarNode(coreTagged(tag.get().substring(CORE_TAG.length()), text, p), false, null, p, null);
      }
      if (style == ScalarStyle.PLAIN && !(tag.isPresent() && tag.get().equals("!"))) {
        return new ScalarNode(GoValues.resolvePlain(text), true, null, p, localTag(tag));
      }
      return new ScalarNode(text, false, null, p, localTag(tag));
    }

    private Object coreTagged(String type, String text, Position p) {
      switch (type) {
        case "str":
          return text;
        case "null":
          return null;
        default:
          Object v = GoValues.resolvePlain(text);
          boolean ok = switch (type) {
            case "bool" -> v instanceof Boolean;
            case "int" -> v instanceof Long || v instanceof java.math.BigInteger;
            case "float" -> v instanceof Double || v instanceof Long;
            case "merge" -> true;
            default -> true;
          };
          if (!ok) {
            throw error(p, "cannot read \"" + text + "\" as !!" + type, "remove the tag or fix the value");
          }
          return type.equals("float") && v instanceof Long l ? (Object) l.doubleValue() : v;
      }
    }

    private String localTag(Optional<String> tag) {
      return tag.filter(t -> t.startsWith("!") && !t.equals("!")).orElse(null);
    }

    private void add(Node node, String anchor) {
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      expanded = Node.addSizes(expanded, node.expandedSize());
      if (expanded > limits.maxExpandedNodes() || node.expandedSize() > limits.maxExpandedNodes()) {
        throw error(node.position(), "YAML aliases expand to more than " + limits.maxExpandedNodes()
            + " nodes (the limit on alias expansion)", "this looks like an alias bomb (\"billion laughs\"); use fewer"
            + " nested aliases; " + YamlLimits.raise(YamlLimits.NODES, limits.maxExpandedNodes()));
      }
      if (stack.isEmpty()) {
        documents.add(node);
        return;
      }
      stack.peek().add(node);
    }
  }

  /** A mapping or sequence being built. */
  private final class Frame {
    final boolean mapping;
    final Position position;
    final String tag;
    final String anchor;
    final List<Node> items = new ArrayList<>();

    Frame(boolean mapping, Position position, String tag, String anchor) {
      this.mapping = mapping;
      this.position = position;
      this.tag = tag;
      this.anchor = anchor;
    }

    void add(Node n) {
      items.add(n);
    }

    /**
     * Builds the mapping: keys must be strings and unique (go-yaml's rule), and {@code <<} merge
     * keys bring in the entries of a mapping or a list of mappings that the mapping itself does not
     * set; among several merged mappings the earlier one wins (YAML merge key specification).
     */
    MapNode finishMap() {
      LinkedHashMap<String, MapNode.Entry> entries = new LinkedHashMap<>();
      List<Node> merges = new ArrayList<>();
      Map<String, Position> firstSeen = new HashMap<>();
      for (int i = 0; i + 1 < items.size(); i += 2) {
        Node k = items.get(i);
        Node v = items.get(i + 1);
        if (!(k instanceof ScalarNode key)) {
          throw error(k.position(), "a mapping key must be a plain string, not " + k.kindName(), null);
        }
        String name = key.isPlain() && "<<".equals(key.value()) && key.tag() == null ? "<<" : keyText(key);
        Position earlier = firstSeen.putIfAbsent(name, key.position());
        if (earlier != null) {
          throw error(key.position(), "duplicate key \"" + name + "\" (first defined at line " + earlier.line() + ")",
              "remove one of the two entries");
        }
        if (name.equals("<<") && key.isPlain()) {
          merges.add(v);
          continue;
        }
        entries.put(name, new MapNode.Entry(key, v));
      }
      for (Node m : merges) {
        if (m instanceof MapNode mm) {
          mergeInto(entries, mm);
        } else if (m instanceof SeqNode seq) {
          for (Node item : seq.items()) {
            if (!(item instanceof MapNode mm)) {
              throw error(item.position(), "a << merge list may hold only mappings, not " + item.kindName(), null);
            }
            mergeInto(entries, mm);
          }
        } else {
          throw error(m.position(), "the value of a << merge key must be a mapping or a list of mappings, not "
              + m.kindName(), null);
        }
      }
      return new MapNode(entries, position, tag);
    }

    private void mergeInto(LinkedHashMap<String, MapNode.Entry> entries, MapNode from) {
      for (MapNode.Entry e : from.entries()) {
        entries.putIfAbsent(e.name(), e);
      }
    }

    private String keyText(ScalarNode key) {
      Object v = key.value();
      if (v == null) {
        throw error(key.position(), "a mapping key must be a string, not null",
            "give the entry a name; quote \"~\" or \"null\" to use them as names");
      }
      if (!(v instanceof String s)) {
        throw error(key.position(), "a mapping key must be a string, not " + key.kindName() + " (" + key.text() + ")",
            "quote the key: \"" + key.text() + "\"");
      }
      return s;
    }
  }

}
