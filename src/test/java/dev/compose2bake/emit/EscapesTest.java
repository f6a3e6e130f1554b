package dev.compose2bake.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The writers skip escaping for strings that need none; {@link Escapes#needsEscape} decides from a
 * byte copy of the string. Checked here against the definition, character by character, on
 * generated strings that mix ASCII, Latin-1, other BMP characters, surrogate pairs, lone
 * surrogates and the characters that must be escaped.
 */
class EscapesTest {
  private static final char[] SPECIAL = {
    '"', '\\', '\n', '\r', '\t', '\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '\u009f', '\u00ff',
    '\u0100', '?', '\u2028', '\u2029', '\ud83d', '\ude00', '\ufffd', '$', '{', '%', ' ', 'a'
  };

  private static boolean mustEscape(String s, boolean lineSeparators) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        return true;
      }
      if (lineSeparators && (c == '\u2028' || c == '\u2029')) {
        return true;
      }
    }
    return false;
  }

  private static String generate(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> b.append(SPECIAL[random.nextInt(SPECIAL.length)]);
        case 1 -> b.append((char) (0x20 + random.nextInt(0x5f)));
        case 2 -> b.append((char) random.nextInt(0x100));
        case 3 -> b.append((char) random.nextInt(0x10000));
        default -> b.appendCodePoint(0x10000 + random.nextInt(0x100000));
      }
    }
    return b.toString();
  }

  @Test
  void agreesWithTheDefinitionOnGeneratedStrings() {
    Random random = new Random(20261204L);
    for (int n = 0; n < 200_000; n++) {
      String s = generate(random);
      for (boolean lineSeparators : new boolean[] {false, true}) {
        boolean want = mustEscape(s, lineSeparators);
        if (Escapes.needsEscape(s, lineSeparators) != want) {
          assertEquals(want, Escapes.needsEscape(s, lineSeparators),
              "needsEscape(" + s.chars().mapToObj(c -> String.format("U+%04X", c)).toList() + ", " + lineSeparators + ")");
        }
      }
    }
  }

  @Test
  void writersLeaveStringsThatNeedNoEscapeAsTheyAre() {
    assertEquals("caf\u00e9 \ud83d\ude00 ?", HclWriter.escapeQuoted("caf\u00e9 \ud83d\ude00 ?"));
    assertEquals("a\\\"b\\\\c\\n", HclWriter.escapeQuoted("a\"b\\c\n"));
    assertEquals("\"x\\u2028\"", JsonWriter.string("x\u2028"));
    assertEquals("\"x\u2028\"", "\"" + HclWriter.escapeQuoted("x\u2028") + "\"");
  }
}
