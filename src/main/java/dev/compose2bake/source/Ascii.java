package dev.compose2bake.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Character-class checks written out instead of regular expressions: a pattern compiled in a
 * static initialiser costs every run its compilation, in the interpreter, before the first match.
 * {@code AsciiTest} checks each against the regular expression it replaces.
 */
public final class Ascii {
  private Ascii() {}

  /** {@code [A-Za-z0-9]}: ASCII letters and digits only. */
  public static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code [A-Za-z0-9<extra>]+}: not empty, and every character an ASCII letter, digit or one of {@code extra}. */
  public static boolean only(String s, String extra) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlnum(c) && extra.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z]+}. */
  public static boolean isLowerWord(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z_][A-Za-z0-9_-]*}: an HCL identifier as bake prints one unquoted. */
  public static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlnum(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of a name: split at every run of characters other than ASCII letters and digits,
   * and between a lower-case letter or digit and an upper-case letter ({@code apiKey} gives
   * {@code api}, {@code Key}). No empty words.
   */
  public static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlnum(c)) {
        if (start >= 0) {
          out.add(s.substring(start, i));
          start = -1;
        }
        continue;
      }
      if (start >= 0 && c >= 'A' && c <= 'Z') {
        char p = s.charAt(i - 1);
        if ((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9')) {
          out.add(s.substring(start, i));
          start = i;
        }
      }
      if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      out.add(s.substring(start));
    }
    return out;
  }
}
