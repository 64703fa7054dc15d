package dev.codetracer.viewer.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Tells whether a stream changed since its index was built: size, modification time, and a hash
 * of its first and last 64 KiB (which catches a rewrite within the same second and size, short of
 * an edit in the middle that keeps both).
 */
public record StreamFingerprint(
    @JsonProperty("size") long size, @JsonProperty("modified_millis") long modifiedMillis, @JsonProperty("sha256") String sha256) {
  private static final int SAMPLE = 64 << 10;

  public static StreamFingerprint of(Path file) throws IOException {
    long size = Files.size(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      digest.update(read(channel, 0, (int) Math.min(SAMPLE, size)));
      long tail = Math.max(0, size - SAMPLE);
      digest.update(read(channel, tail, (int) (size - tail)));
    }
    return new StreamFingerprint(size, modified, HexFormat.of().formatHex(digest.digest()));
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
      // keep reading
    }
    return buffer.flip();
  }
}
