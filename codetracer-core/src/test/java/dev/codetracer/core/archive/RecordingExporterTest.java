package dev.codetracer.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.recording.InvalidRecordingException;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TestRecordings;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingExporterTest {
  static final String ID = "0190abcd-1234-7000-8000-000000000001";
  @TempDir Path temp;
  Path folder;

  @BeforeEach
  void recording() throws Exception {
    folder = TestRecordings.jvmRecording(temp.resolve("trace-" + ID), ID, "/bin/p", "2026-01-01T00:00:00.000Z");
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < 20_000; i++) {
      json.append("{\"Step\":{\"path_id\":0,\"line\":").append(i % 97).append("}},\n");
    }
    Files.writeString(folder.resolve("trace.json"), json.append("{\"Path\":\"x\"}\n]\n"));
    TestRecordings.randomFile(folder, "trace.bin", 200_000, 1);
    TestRecordings.randomFile(folder, "rr/mmap_pack_0_payload", 100_000, 2);
    TestRecordings.write(folder, "rr/version", "85\n");
    TestRecordings.write(folder, "source/w/src/b/B.java", "class B {}\n".repeat(300));
    TestRecordings.write(folder, "source/w/src/a.txt", "a");
    Files.setPosixFilePermissions(TestRecordings.write(folder, "rr/run.sh", "#!/bin/sh\n"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static Map<String, ZipArchiveEntry> entries(Path zip) throws Exception {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      Map<String, ZipArchiveEntry> entries = new LinkedHashMap<>();
      for (ZipArchiveEntry e : Collections.list(file.getEntriesInPhysicalOrder())) {
        entries.put(e.getName(), e);
      }
      return entries;
    }
  }

  @Test
  void leavesOutWhatCodetracerDerivedFromTheRecording() throws Exception {
    long sizeBefore = RecordingFolder.sizeOf(folder);
    TestRecordings.randomFile(folder, ".codetracer-viewer/current/steps.idx", 50_000, 3);
    Path zip = temp.resolve("derived.zip");

    new RecordingExporter().export(folder, zip, false);

    assertThat(entries(zip).keySet()).noneMatch(name -> name.startsWith(".codetracer-"))
        .contains("trace.json");
    assertThat(RecordingFolder.sizeOf(folder))
        .as("the viewer's index is not part of the recording's size")
        .isEqualTo(sizeBefore);
  }

  @Test
  void zipsTheFolderContentsSortedWithoutATopLevelFolder() throws Exception {
    Path zip = temp.resolve("out/trace.zip");
    long size = new RecordingExporter().export(folder, zip, false);
    assertThat(size).isEqualTo(Files.size(zip));
    assertThat(Files.getPosixFilePermissions(zip)).as("an archive is made to be shared")
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));

    List<String> names = new ArrayList<>(entries(zip).keySet());
    List<String> expected = new ArrayList<>(TestRecordings.tree(folder).entrySet().stream()
        .filter(e -> !e.getValue().equals("dir")).map(Map.Entry::getKey).toList());
    Collections.sort(expected);
    assertThat(names).isEqualTo(expected);
    assertThat(names).contains("trace_metadata.json", "source/w/src/Main.java", "rr/version")
        .noneMatch(n -> n.startsWith("/") || n.startsWith("trace-") || n.endsWith("/"));
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      for (String name : names) {
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
          assertThat(in.readAllBytes()).as(name).isEqualTo(Files.readAllBytes(folder.resolve(name)));
        }
      }
    }
  }

  @Test
  void storesAlreadyCompressedFilesAndDeflatesText() throws Exception {
    Path zip = temp.resolve("trace.zip");
    new RecordingExporter().export(folder, zip, false);
    Map<String, ZipArchiveEntry> entries = entries(zip);
    assertThat(entries.get("trace.bin").getMethod()).as("trace.bin, by its name").isEqualTo(ZipEntry.STORED);
    assertThat(entries.get("rr/mmap_pack_0_payload").getMethod()).as("random data, by a sample").isEqualTo(ZipEntry.STORED);
    assertThat(entries.get("trace.json").getMethod()).isEqualTo(ZipEntry.DEFLATED);
    assertThat(entries.get("trace.json").getCompressedSize()).isLessThan(entries.get("trace.json").getSize() / 5);
    assertThat(entries.get("source/w/src/b/B.java").getMethod()).isEqualTo(ZipEntry.DEFLATED);
    assertThat(entries.get("rr/run.sh").getUnixMode() & 0777).isEqualTo(0755);
    assertThat(entries.get("rr/version").getUnixMode() & 0777).isEqualTo(0644);
  }

  @Test
  void theSameFolderGivesTheSameArchiveEveryTime() throws Exception {
    Path first = temp.resolve("1.zip");
    Path second = temp.resolve("2.zip");
    new RecordingExporter().export(folder, first, false);
    new RecordingExporter().export(folder, second, false);
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

    // the order does not depend on the order files were created in
    Path other = TestRecordings.jvmRecording(temp.resolve("other"), ID, "/bin/p", "2026-01-01T00:00:00.000Z");
    for (String name : List.of("z.txt", "a.txt", "m/b.txt", "m.txt", "m-a.txt")) {
      TestRecordings.write(other, "source/" + name, name);
    }
    Path third = temp.resolve("3.zip");
    new RecordingExporter().export(other, third, false);
    assertThat(new ArrayList<>(entries(third).keySet())).isSorted()
        .containsSubsequence("source/a.txt", "source/m-a.txt", "source/m.txt", "source/m/b.txt", "source/z.txt");
  }

  @Test
  void reportsProgressUpToTheTotal() throws Exception {
    AtomicLong last = new AtomicLong(-1);
    AtomicLong total = new AtomicLong();
    AtomicLong finished = new AtomicLong();
    ProgressListener listener =
        new ProgressListener() {
          @Override
          public void progress(long doneBytes, long totalBytes) {
            assertThat(doneBytes).isGreaterThan(last.get());
            last.set(doneBytes);
            total.set(totalBytes);
          }

          @Override
          public void finished() {
            finished.incrementAndGet();
          }
        };
    new RecordingExporter(listener).export(folder, temp.resolve("p.zip"), false);
    assertThat(last.get()).isEqualTo(total.get()).isEqualTo(RecordingFolder.sizeOf(folder));
    assertThat(finished.get()).isEqualTo(1);
  }

  @Test
  void aForeignRecordingIsExportedWithItsIndexedIdAndTheFolderIsNotChanged() throws Exception {
    Path foreign = TestRecordings.foreignRecording(temp.resolve("foreign"), null);
    Map<String, String> before = TestRecordings.tree(foreign);
    Path zip = temp.resolve("foreign.zip");
    new RecordingExporter().export(foreign, zip, false, ID);
    try (ZipFile file = ZipFile.builder().setPath(zip).get();
        InputStream in = file.getInputStream(file.getEntry("trace_metadata.json"))) {
      JsonNode metadata = new ObjectMapper().readTree(in);
      assertThat(metadata.get("recording_id").asText()).isEqualTo(ID);
      assertThat(metadata.get("program").asText()).isEqualTo("/home/u/app/main.rb");
      assertThat(metadata.has("format_version")).isFalse();
    }
    assertThat(entries(zip).keySet()).contains("files/home/u/app/main.rb", "trace.json");
    assertThat(TestRecordings.tree(foreign)).isEqualTo(before);
  }

  @Test
  void refusesToOverwriteUnlessAskedAndReplacesWhenAsked() throws Exception {
    Path zip = Files.writeString(temp.resolve("exists.zip"), "precious");
    assertThatThrownBy(() -> new RecordingExporter().export(folder, zip, false))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(zip + " already exists; choose another name or pass --force");
    assertThat(zip).hasContent("precious");
    new RecordingExporter().export(folder, zip, true);
    assertThat(entries(zip)).containsKey("trace_metadata.json");
    assertThat(TestRecordings.names(TestRecordings.tree(temp))).noneMatch(n -> n.endsWith(".part"));
  }

  @Test
  void refusesBadTargetsAndBadFoldersLeavingNothing() throws Exception {
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> new RecordingExporter().export(folder, folder.resolve("x.zip"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("into itself");
    Path dir = Files.createDirectory(temp.resolve("dir.zip"));
    assertThatThrownBy(() -> new RecordingExporter().export(folder, dir, true))
        .hasMessageContaining("is a folder");
    Files.delete(dir);
    assertThatThrownBy(() -> new RecordingExporter().export(temp.resolve("missing"), temp.resolve("m.zip"), false))
        .isInstanceOf(InvalidRecordingException.class)
        .hasMessageContaining("does not exist");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);

    Files.createSymbolicLink(folder.resolve("source/link"), Path.of("/etc/hostname"));
    assertThatThrownBy(() -> new RecordingExporter().export(folder, temp.resolve("sub/dir/l.zip"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("symbolic link");
    Files.delete(folder.resolve("source/link"));
    assertThat(TestRecordings.tree(temp)).as("no folder was created for the zip").isEqualTo(before);
  }

  @Test
  void aFailedWriteLeavesNoPartialArchive() throws Exception {
    Path parent = Files.createDirectory(temp.resolve("p"));
    // a file where the zip's folder should be
    Files.writeString(parent.resolve("blocker"), "x");
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> new RecordingExporter().export(folder, parent.resolve("blocker/t.zip"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageStartingWith("cannot export to " + parent.resolve("blocker/t.zip"))
        .hasMessageContaining("in the way")
        .hasMessageNotContaining("\n");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);

    // a failure while writing removes the partial zip and the folders made for it
    ProgressListener failing =
        (done, total) -> {
          if (done > 100_000) {
            throw new IllegalStateException("interrupted by the test");
          }
        };
    assertThatThrownBy(() -> new RecordingExporter(failing).export(folder, temp.resolve("new/sub/t.zip"), false))
        .hasMessage("interrupted by the test");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void entryTimesAreTheFilesTimes() throws Exception {
    Instant time = Instant.parse("2024-05-06T07:08:10Z");
    Files.setLastModifiedTime(folder.resolve("trace.json"), FileTime.from(time));
    Path zip = temp.resolve("t.zip");
    new RecordingExporter().export(folder, zip, false);
    assertThat(entries(zip).get("trace.json").getLastModifiedTime().toInstant()).isEqualTo(time);
  }
}
