package dev.compose2bake.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each check of {@link Ascii} against the regular expression it replaces, on generated strings. */
class AsciiTest {
  private static final String ALPHABET = "aZz0909_-.@%+=:,/ \t'\"$éÄ١ıK\u212a\u00b5A";

  private static List<String> strings() {
    Random r = new Random(7);
    List<String> out = new ArrayList<>(List.of("", "a", "A", "_", "-", ".", "9", "aB", "a9B", "KEY", "apiKey", "my.api_KEY2x"));
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(8);
      for (int j = 0; j < n; j++) {
        b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void sameAsTheRegularExpressions() {
    Pattern name = Pattern.compile("[a-zA-Z0-9._-]+");
    Pattern target = Pattern.compile("[a-zA-Z0-9_-]+");
    Pattern shell = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    Pattern lower = Pattern.compile("[a-z]+");
    Pattern identifier = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    Pattern words = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    for (String s : strings()) {
      assertEquals(name.matcher(s).matches(), Ascii.only(s, "._-"), s);
      assertEquals(target.matcher(s).matches(), Ascii.only(s, "_-"), s);
      assertEquals(shell.matcher(s).matches(), Ascii.only(s, "_@%+=:,./-"), s);
      assertEquals(lower.matcher(s).matches(), Ascii.isLowerWord(s), s);
      assertEquals(identifier.matcher(s).matches(), Ascii.isIdentifier(s), s);
      List<String> expected = new ArrayList<>();
      for (String w : words.split(s)) {
        if (!w.isEmpty()) {
          expected.add(w);
        }
      }
      assertEquals(expected, Ascii.words(s), s);
    }
  }
}
