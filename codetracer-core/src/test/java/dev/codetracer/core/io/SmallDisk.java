package dev.codetracer.core.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A full disk for a test: a 256 KiB tmpfs mounted on a folder and filled, with room left for
 * folders but not for a recording. Mounting needs root (the CI runs as root); elsewhere the test
 * is skipped, saying why.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts and fills a small disk on {@code folder} (created), or skips the calling test. */
  public static SmallDisk fullAt(Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", folder.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assumeTrue(mount.waitFor() == 0, "a full disk for this test needs mounting a small tmpfs, which this user may not do: " + output);
    SmallDisk disk = new SmallDisk(folder);
    disk.fill(folder.resolve("filler"));
    return disk;
  }

  private void fill(Path file) throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      // full now
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("umount", mountPoint.toString()).inheritIO().start().waitFor();
  }
}
