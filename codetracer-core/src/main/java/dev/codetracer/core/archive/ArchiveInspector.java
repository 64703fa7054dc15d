package dev.codetracer.core.archive;

import dev.codetracer.core.io.IoMessages;
import dev.codetracer.core.recording.InvalidRecordingException;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads an archive's central directory and checks every entry before anything is unpacked:
 * names that leave the target folder, symbolic links, duplicate names, sizes beyond the limits,
 * and a missing or invalid {@code trace_metadata.json}. Archives come from CI and from other
 * people, so every entry is treated as hostile.
 */
final class ArchiveInspector {
  private static final long MAX_METADATA_BYTES = 16L << 20;
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int END_BYTES = 22;
  /** The end record and its longest possible comment. */
  private static final int END_MAX_BYTES = END_BYTES + 0xffff;

  private ArchiveInspector() {}

  /** What a checked archive holds. The zip file stays open for unpacking. */
  record Inspection(ZipFile zip, List<ZipArchiveEntry> entries, long totalBytes, TraceMetadata metadata) {}

  static Inspection inspect(Path archive, ArchiveLimits limits) {
    if (!Files.isRegularFile(archive)) {
      throw new ArchiveException(archive + (Files.exists(archive) ? " is not a file" : " does not exist"));
    }
    ZipFile zip = open(archive);
    try {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      checkEntryCount(archive, entries.size());
      long total = checkEntries(archive, entries, limits);
      TraceMetadata metadata = readMetadata(archive, zip);
      return new Inspection(zip, entries, total, metadata);
    } catch (RuntimeException e) {
      closeQuietly(zip);
      throw e;
    }
  }

  private static ZipFile open(Path archive) {
    try {
      if (Files.size(archive) == 0) {
        throw new ArchiveException(archive + " is empty, not a zip archive");
      }
      return ZipFile.builder().setPath(archive).get();
    } catch (IOException e) {
      throw new ArchiveException(
          archive + " is not a valid zip archive (truncated or corrupt: " + IoMessages.describe(e) + ")", e);
    }
  }

  /**
   * The zip reader stops at the first damaged central directory header and returns the entries
   * before it; the end record says how many there should be.
   */
  private static void checkEntryCount(Path archive, int found) {
    long declared;
    try {
      declared = declaredEntryCount(archive);
    } catch (IOException e) {
      throw new ArchiveException(archive + " is not a valid zip archive (truncated or corrupt: " + IoMessages.describe(e) + ")", e);
    }
    if (declared >= 0 && declared != found) {
      throw new ArchiveException(
          archive + " is corrupt: its central directory lists " + declared + " entries, but " + found + " can be read");
    }
  }

  /** The entry count of the end of central directory record (zip64 when needed), or -1 if absent. */
  static long declaredEntryCount(Path archive) throws IOException {
    try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer tail = readFully(channel, size - Math.min(size, END_MAX_BYTES), (int) Math.min(size, END_MAX_BYTES));
      for (int i = tail.capacity() - END_BYTES; i >= 0; i--) {
        if (tail.getInt(i) != END_SIGNATURE) {
          continue;
        }
        int count = tail.getShort(i + 10) & 0xffff;
        if (count != 0xffff) {
          return count;
        }
        if (i >= 20 && tail.getInt(i - 20) == ZIP64_LOCATOR_SIGNATURE) {
          long zip64End = tail.getLong(i - 20 + 8);
          if (zip64End >= 0 && zip64End <= size - 56) {
            ByteBuffer end64 = readFully(channel, zip64End, 56);
            if (end64.getInt(0) == ZIP64_END_SIGNATURE) {
              return end64.getLong(32);
            }
          }
        }
        return -1;
      }
      return -1;
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new java.io.EOFException("unexpected end of file");
      }
    }
    return buffer;
  }

  private static long checkEntries(Path archive, List<ZipArchiveEntry> entries, ArchiveLimits limits) {
    if (entries.isEmpty()) {
      throw new ArchiveException(archive + " is empty");
    }
    if (entries.size() > limits.maxEntries()) {
      throw new ArchiveException(
          archive + " holds " + entries.size() + " entries, more than the limit of " + limits.maxEntries());
    }
    Set<String> names = new HashSet<>();
    Set<String> files = new HashSet<>();
    long total = 0;
    for (ZipArchiveEntry entry : entries) {
      String name = entry.getName();
      String problem = EntryNames.problem(name);
      if (problem != null) {
        throw new ArchiveException(archive + ": entry \"" + printable(name) + "\" " + problem);
      }
      if (entry.isUnixSymlink()) {
        throw new ArchiveException(archive + ": entry \"" + name + "\" is a symbolic link; recordings hold only files");
      }
      String canonical = EntryNames.canonical(name);
      if (!names.add(canonical)) {
        throw new ArchiveException(archive + ": entry \"" + canonical + "\" appears more than once");
      }
      if (!entry.isDirectory()) {
        files.add(canonical);
        long size = entry.getSize();
        long compressed = entry.getCompressedSize();
        if (size < 0 || compressed < 0) {
          throw new ArchiveException(archive + ": entry \"" + name + "\" does not declare its size");
        }
        if (size > limits.ratioThresholdBytes() && size / Math.max(1, compressed) > limits.maxRatio()) {
          throw new ArchiveException(
              archive + ": entry \"" + name + "\" expands " + size / Math.max(1, compressed)
                  + " times (limit " + limits.maxRatio() + "); refusing a possible compression bomb"
                  + " (if you trust the archive, `codetracer import --max-ratio N` allows more)");
        }
        total += size;
        if (total > limits.maxTotalBytes()) {
          throw new ArchiveException(
              archive + " unpacks to more than the limit of " + limits.maxTotalBytes() + " bytes");
        }
      }
    }
    for (String file : files) {
      for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
        if (files.contains(file.substring(0, slash))) {
          throw new ArchiveException(
              archive + ": \"" + file.substring(0, slash) + "\" is both a file and a folder");
        }
      }
    }
    return total;
  }

  private static TraceMetadata readMetadata(Path archive, ZipFile zip) {
    ZipArchiveEntry entry = zip.getEntry(TraceMetadataFile.NAME);
    if (entry == null || entry.isDirectory()) {
      if (zip.getEntry(RecordingFolder.CHANGE_LOG) != null || zip.getEntry(RecordingFolder.UNFINISHED_CLAIM) != null) {
        throw new ArchiveException(
            archive + " holds an unfinished recording (" + RecordingFolder.CHANGE_LOG + " and no " + TraceMetadataFile.NAME
                + "): unpack it into a folder and finish it with `codetracer finish FOLDER`");
      }
      throw new ArchiveException(
          archive + " is not a recording: it has no " + TraceMetadataFile.NAME + " at its top level");
    }
    if (entry.getSize() > MAX_METADATA_BYTES) {
      throw new ArchiveException(archive + ": " + TraceMetadataFile.NAME + " is implausibly large");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES);
      return TraceMetadataFile.parse(new ByteArrayInputStream(bytes));
    } catch (InvalidRecordingException e) {
      throw new ArchiveException(archive + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ArchiveException(
          archive + " is corrupt: cannot read " + TraceMetadataFile.NAME + " (" + IoMessages.describe(e) + ")", e);
    }
  }

  static void closeQuietly(ZipFile zip) {
    try {
      zip.close();
    } catch (IOException ignored) {
      // nothing was written through it
    }
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      out.append(c < 0x20 ? '?' : c);
    }
    return out.toString();
  }

  static List<ZipArchiveEntry> filesOnly(List<ZipArchiveEntry> entries) {
    List<ZipArchiveEntry> files = new ArrayList<>();
    for (ZipArchiveEntry entry : entries) {
      if (!entry.isDirectory()) {
        files.add(entry);
      }
    }
    return files;
  }
}
