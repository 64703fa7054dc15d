package dev.codetracer.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.TestRecordings;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip64: more than 65535 entries, and an entry over 4 GiB. Both are slow on an ordinary disk
 * (66,000 files to create, export and import; the 4.3 GiB entry written twice: 20 to 50 s for the
 * two on the 2-core development machine) and need about 9 GiB of free space in the temporary
 * folder; {@code -Dcodetracer.zip64=false} leaves them out of a quick local run.
 */
@DisabledIfSystemProperty(named = "codetracer.zip64", matches = "false")
class Zip64Test {
  static final String ID = "0190abcd-1234-7000-8000-000000000064";
  static final int FILES = 66_000;

  @TempDir Path temp;

  @Test
  void moreThan65535EntriesRoundTrip() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", null);
    for (int i = 0; i < FILES; i++) {
      Path file = folder.resolve("source/d" + (i % 100) + "/F" + i + ".java");
      if (i < 100) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, "class F" + i + " {}\n");
    }
    Path zip = temp.resolve("many.zip");
    new RecordingExporter().export(folder, zip, false);

    assertThat(zip64EndOfCentralDirectoryPresent(zip)).as("zip64 end of central directory record").isTrue();
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      assertThat(java.util.Collections.list(file.getEntries())).hasSize(FILES + 5);
    }
    java.util.List<String> unzipped = new java.util.ArrayList<>();
    try (java.util.zip.ZipFile jdk = new java.util.zip.ZipFile(zip.toFile())) {
      assertThat(jdk.size()).as("the JDK's reader sees every entry too").isEqualTo(FILES + 5);
      jdk.stream().limit(3).forEach(e -> unzipped.add(e.getName()));
    }
    assertThat(unzipped).isSorted();

    LocalRecordings recordings = new LocalRecordings(new DataDirectory(temp.resolve("data")));
    ImportResult result = new RecordingImporter(recordings).importArchive(zip, temp.resolve("imported"), false);
    assertThat(result.recording().recordingId()).isEqualTo(ID);
    assertThat(temp.resolve("imported/source/d7/F65007.java")).hasContent("class F65007 {}");
    try (var walk = Files.walk(temp.resolve("imported"))) {
      assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(FILES + 5);
    }
  }

  @Test
  void anEntryOver4GiBRoundTrips() throws Exception {
    long free = Files.getFileStore(temp).getUsableSpace();
    long needed = 10L << 30; // the stored 4.3 GiB entry in the zip, then unpacked, with some room
    if (free < needed) {
      String reason = "needs about 9 GiB free in " + temp + ", has " + (free >> 20) + " MiB";
      System.out.println("Zip64Test.anEntryOver4GiBRoundTrips skipped: " + reason);
      Assumptions.abort(reason);
    }
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", null);
    Path big = Files.createDirectories(folder.resolve("rr")).resolve("big.zst");
    long size = (4L << 30) + 123_456_789L;
    try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
      sparse.setLength(size);
      sparse.seek(size - 5);
      sparse.write("tail!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    Path zip = temp.resolve("big.zip");
    new RecordingExporter().export(folder, zip, false);
    Files.delete(big);
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      var entry = file.getEntry("rr/big.zst");
      assertThat(entry.getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED);
      assertThat(entry.getSize()).isEqualTo(size);
      assertThat(entry.getExtraField(new org.apache.commons.compress.archivers.zip.ZipShort(0x0001)))
          .isNotNull();
    }
    LocalRecordings recordings = new LocalRecordings(new DataDirectory(temp.resolve("data")));
    new RecordingImporter(recordings).importArchive(zip, temp.resolve("imported"), false);
    Path imported = temp.resolve("imported/rr/big.zst");
    assertThat(Files.size(imported)).isEqualTo(size);
    try (RandomAccessFile in = new RandomAccessFile(imported.toFile(), "r")) {
      in.seek(size - 5);
      byte[] tail = new byte[5];
      in.readFully(tail);
      assertThat(new String(tail, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("tail!");
    }
  }

  /** Looks for the zip64 end of central directory locator (PK\6\7) before the end record. */
  private static boolean zip64EndOfCentralDirectoryPresent(Path zip) throws Exception {
    try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, 1024)).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - tail.capacity());
      for (int i = tail.capacity() - 22; i >= 20; i--) {
        if (tail.getInt(i) == 0x06054b50) {
          return tail.getInt(i - 20) == 0x07064b50;
        }
      }
      return false;
    }
  }
}
