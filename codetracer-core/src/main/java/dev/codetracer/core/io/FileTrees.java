package dev.codetracer.core.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Whole-folder operations. Callers delete only folders that codetracer itself created. */
public final class FileTrees {
  private FileTrees() {}

  public static boolean isEmptyDirectory(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      return !entries.iterator().hasNext();
    }
  }

  /**
   * Creates a folder and its missing parents, like {@link Files#createDirectories}, and returns
   * the topmost folder it created (null when the folder existed), so that a failed operation can
   * remove exactly what it added.
   */
  public static Path createFolders(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath();
    Path topmost = null;
    for (Path p = absolute; p != null && !Files.isDirectory(p); p = p.getParent()) {
      topmost = p;
    }
    Files.createDirectories(absolute);
    return topmost;
  }

  /** Deletes a folder and everything in it, without following symbolic links. */
  public static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Like {@link #deleteRecursively}, for clean-up after a failure that is already reported. */
  public static void deleteQuietly(Path root) {
    try {
      deleteRecursively(root);
    } catch (IOException ignored) {
      // the original failure is what the user needs to see
    }
  }
}
