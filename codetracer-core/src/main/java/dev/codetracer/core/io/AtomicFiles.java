package dev.codetracer.core.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes a file so that readers see either the old contents or the new, never a part. */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] contents) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, contents);
      keepPermissions(temp, target);
      moveReplacing(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Temporary files are created readable by their owner only; the file that replaces another
   * gets that one's permissions, and a new file those of an ordinary new file (rw-r--r--).
   */
  private static void keepPermissions(Path temp, Path target) throws IOException {
    try {
      Set<PosixFilePermission> permissions =
          Files.exists(target) ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(temp, permissions);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its defaults apply
    }
  }

  public static void moveReplacing(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
