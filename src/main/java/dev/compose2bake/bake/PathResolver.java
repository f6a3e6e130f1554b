package dev.compose2bake.bake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How a path that a build reads or writes is compared with the paths granted to it. buildx
 * (bake/entitlements.go, {@code evaluateToExistingPath}) resolves symbolic links in the longest
 * prefix of the path that exists and drops the rest, so a build that writes to {@code ../out/new}
 * asks for {@code ..} while {@code ../out} does not exist yet. {@link #FILE_SYSTEM} does the same;
 * {@link #LEXICAL} leaves paths as they are, for tests that need no files.
 */
public interface PathResolver {

  /** The path as buildx compares it: absolute and clean in, the existing, link-free prefix out. */
  Path resolve(Path absolute);

  /** buildx's {@code evaluateToExistingPath} on the real file system. */
  PathResolver FILE_SYSTEM = PathResolver::existingPrefix;

  /** No file system access: the path itself. */
  PathResolver LEXICAL = p -> p;

  /**
   * Walks {@code absolute} one name at a time from the root, following each symbolic link (at
   * most 255, as buildx), and stops before the first name that does not exist. A name that
   * continues through a regular file, or a loop of links, leaves the path as it was: buildx then
   * refuses the build with its own message.
   */
  private static Path existingPrefix(Path absolute) {
    Path root = absolute.getRoot();
    Deque<String> todo = new ArrayDeque<>();
    for (Path name : absolute) {
      todo.addLast(name.toString());
    }
    Path dest = root;
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.removeFirst();
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      if (name.equals("..")) {
        dest = dest.getParent() == null ? root : dest.getParent();
        continue;
      }
      Path next = dest.resolve(name);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return dest;
      } catch (IOException e) {
        return absolute;
      }
      if (attrs.isSymbolicLink()) {
        if (++links > 255) {
          return absolute;
        }
        Path target;
        try {
          target = Files.readSymbolicLink(next);
        } catch (IOException e) {
          return absolute;
        }
        Deque<String> names = new ArrayDeque<>();
        for (Path n : target) {
          names.addLast(n.toString());
        }
        while (!names.isEmpty()) {
          todo.addFirst(names.removeLast());
        }
        if (target.isAbsolute()) {
          dest = target.getRoot();
        }
        continue;
      }
      if (!attrs.isDirectory() && !todo.isEmpty()) {
        return absolute; // buildx: "not a directory"
      }
      dest = next;
    }
    return dest;
  }
}
