package dev.codetracer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip archives byte by byte, so the tests can build what no well-behaved zip library
 * would: absolute and {@code ..} names, symbolic links, duplicate names, sizes and checksums that
 * lie.
 */
final class ZipBuilder {
  static final int FILE_MODE = 0100644;
  static final int SYMLINK_MODE = 0120777;
  static final int DIR_MODE = 040755;

  /** One entry, with every header field the tests may want to falsify. */
  static final class Entry {
    final String name;
    final byte[] data;
    boolean deflate;
    Long declaredSize;
    Long declaredCrc;
    int unixMode = FILE_MODE;

    Entry(String name, byte[] data) {
      this.name = name;
      this.data = data;
    }

    Entry deflated() {
      deflate = true;
      return this;
    }

    Entry declaringSize(long size) {
      declaredSize = size;
      return this;
    }

    Entry declaringCrc(long crc) {
      declaredCrc = crc;
      return this;
    }

    Entry mode(int mode) {
      unixMode = mode;
      return this;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  Entry add(String name, byte[] data) {
    Entry entry = new Entry(name, data);
    entries.add(entry);
    return entry;
  }

  Entry add(String name, String text) {
    return add(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds every file of a folder (sorted), as entries named by their relative path. */
  ZipBuilder addFolder(Path folder) throws IOException {
    try (var walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        add(folder.relativize(file).toString(), Files.readAllBytes(file)).deflated();
      }
    }
    return this;
  }

  ZipBuilder remove(String name) {
    entries.removeIf(e -> e.name.equals(name));
    return this;
  }

  Path write(Path zip) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Entry e : entries) {
      byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
      byte[] stored = e.deflate ? deflate(e.data) : e.data;
      CRC32 crc = new CRC32();
      crc.update(e.data);
      long crcValue = e.declaredCrc != null ? e.declaredCrc : crc.getValue();
      long size = e.declaredSize != null ? e.declaredSize : e.data.length;
      int offset = out.size();
      ByteBuffer local = le(30 + name.length);
      local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
          .putShort((short) (e.deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x5021)
          .putInt((int) crcValue).putInt(stored.length).putInt((int) size)
          .putShort((short) name.length).putShort((short) 0).put(name);
      out.write(local.array());
      out.write(stored);
      ByteBuffer header = le(46 + name.length);
      header.putInt(0x02014b50).putShort((short) 0x031E).putShort((short) 20).putShort((short) 0x0800)
          .putShort((short) (e.deflate ? 8 : 0)).putShort((short) 0).putShort((short) 0x5021)
          .putInt((int) crcValue).putInt(stored.length).putInt((int) size)
          .putShort((short) name.length).putShort((short) 0).putShort((short) 0)
          .putShort((short) 0).putShort((short) 0).putInt(e.unixMode << 16).putInt(offset).put(name);
      central.write(header.array());
    }
    int centralOffset = out.size();
    out.write(central.toByteArray());
    ByteBuffer end = le(22);
    end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
        .putShort((short) entries.size()).putShort((short) entries.size())
        .putInt(central.size()).putInt(centralOffset).putShort((short) 0);
    out.write(end.array());
    Files.createDirectories(zip.toAbsolutePath().getParent());
    return Files.write(zip, out.toByteArray());
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[1 << 16];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
