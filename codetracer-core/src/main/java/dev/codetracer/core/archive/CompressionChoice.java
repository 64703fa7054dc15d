package dev.codetracer.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Decides whether an entry is worth deflating. Already-compressed payloads (trace.bin is zstd,
 * rr's trace files are compressed, archives, images) are stored as they are: deflating them again
 * costs time and gains nothing. Files with an unknown name are judged by deflating a sample.
 */
final class CompressionChoice {
  private static final Set<String> COMPRESSED_EXTENSIONS =
      Set.of("bin", "zip", "jar", "gz", "tgz", "bz2", "xz", "zst", "zstd", "lz4", "br", "7z", "png",
          "jpg", "jpeg", "gif", "webp", "mp4", "woff2");
  private static final int SAMPLE_BYTES = 64 * 1024;
  private static final double WORTHWHILE_RATIO = 0.9;

  private CompressionChoice() {}

  static boolean shouldDeflate(Path file, long size) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && COMPRESSED_EXTENSIONS.contains(name.substring(dot + 1))) {
      return false;
    }
    if (size < 1024) {
      return true;
    }
    byte[] sample = new byte[(int) Math.min(SAMPLE_BYTES, size)];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(sample, 0, sample.length);
    }
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(sample, 0, length);
      deflater.finish();
      byte[] out = new byte[length + 1024];
      int compressed = 0;
      while (!deflater.finished()) {
        compressed += deflater.deflate(out);
      }
      return compressed < length * WORTHWHILE_RATIO;
    } finally {
      deflater.end();
    }
  }
}
