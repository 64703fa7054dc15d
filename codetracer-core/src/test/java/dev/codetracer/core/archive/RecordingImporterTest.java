package dev.codetracer.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TestRecordings;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingImporterTest {
  static final String ID = "0190abcd-1234-7000-8000-000000000001";
  @TempDir Path temp;
  Path folder;
  Path zip;
  LocalRecordings mine;
  LocalRecordings theirs;

  @BeforeEach
  void setUp() throws Exception {
    folder = TestRecordings.jvmRecording(temp.resolve("made/trace-" + ID), ID, "/bin/p", "2026-01-01T00:00:00.000Z");
    TestRecordings.randomFile(folder, "trace.bin", 300_000, 7);
    TestRecordings.write(folder, "source/w/src/deep/er/C.java", "class C {}\n".repeat(1000));
    Files.setPosixFilePermissions(TestRecordings.write(folder, "rr/x.sh", "#!/bin/sh\n"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    mine = new LocalRecordings(new DataDirectory(temp.resolve("mine/data")));
    theirs = new LocalRecordings(new DataDirectory(temp.resolve("theirs/data")));
    mine.register(RecordingFolder.open(folder), false);
    zip = temp.resolve("shared/trace.zip");
    new RecordingExporter().export(folder, zip, false);
  }

  private RecordingImporter importer(LocalRecordings recordings) {
    return new RecordingImporter(recordings);
  }

  @Test
  void roundTripGivesIdenticalFilesAndTheSameId() throws Exception {
    Path target = temp.resolve("elsewhere/imported");
    ImportResult result = importer(theirs).importArchive(zip, target, false);

    assertThat(result.alreadyIndexed()).isFalse();
    assertThat(result.recording().recordingId()).isEqualTo(ID);
    assertThat(result.recording().folder()).isEqualTo(target);
    assertThat(result.recording().imported()).isTrue();
    TestRecordings.assertSameFiles(target, folder);
    assertThat(Files.isExecutable(target.resolve("rr/x.sh"))).isTrue();
    assertThat(theirs.findById(ID)).contains(result.recording());
    assertThat(theirs.newest(10)).containsExactly(result.recording());
    assertThat(TestRecordings.names(TestRecordings.tree(temp.resolve("elsewhere")))).allMatch(n -> n.startsWith("imported"));
  }

  @Test
  void defaultTargetIsTheArchivePathWithoutZip() {
    assertThat(RecordingImporter.defaultTarget(Path.of("/a/b/trace.zip"))).isEqualTo(Path.of("/a/b/trace"));
    assertThat(RecordingImporter.defaultTarget(Path.of("/a/b/T.ZIP"))).isEqualTo(Path.of("/a/b/T"));
    assertThat(RecordingImporter.defaultTarget(Path.of("/a/b/trace"))).isEqualTo(Path.of("/a/b/trace.d"));
    assertThat(RecordingImporter.defaultTarget(Path.of("/a/b/.zip"))).isEqualTo(Path.of("/a/b/trace"));

    ImportResult result = importer(theirs).importArchive(zip, null, false);
    assertThat(result.recording().folder()).isEqualTo(temp.resolve("shared/trace"));
    TestRecordings.assertSameFiles(temp.resolve("shared/trace"), folder);
  }

  @Test
  void reImportSaysSoAndWritesNothing() {
    importer(theirs).importArchive(zip, temp.resolve("first"), false);
    Map<String, String> before = TestRecordings.tree(temp);
    ImportResult again = importer(theirs).importArchive(zip, temp.resolve("second"), false);
    assertThat(again.alreadyIndexed()).isTrue();
    assertThat(again.recording().folder()).isEqualTo(temp.resolve("first"));
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
    assertThat(theirs.count()).isEqualTo(1);

    // and into the data directory where it was made: the folder is already indexed there
    ImportResult home = importer(mine).importArchive(zip, temp.resolve("third"), false);
    assertThat(home.alreadyIndexed()).isTrue();
    assertThat(home.recording().folder()).isEqualTo(folder);
    assertThat(temp.resolve("third")).doesNotExist();
  }

  @Test
  void foreignRecordingsGetAnIdAreListedAndExportedWithIt() throws Exception {
    Path foreign = TestRecordings.foreignRecording(temp.resolve("foreign"), null);
    Path foreignZip = temp.resolve("foreign.zip");
    new RecordingExporter().export(foreign, foreignZip, false);

    ImportResult result = importer(theirs).importArchive(foreignZip, temp.resolve("f-imported"), false);
    String id = result.recording().recordingId();
    assertThat(RecordingId.isValid(id)).isTrue();
    assertThat(TraceMetadataFile.read(temp.resolve("f-imported")).recordingId).isEqualTo(id);
    assertThat(temp.resolve("f-imported/files/home/u/app/main.rb")).hasContent("puts 1");
    assertThat(theirs.newest(10)).extracting(IndexedRecording::recordingId).containsExactly(id);

    Path again = temp.resolve("again.zip");
    new RecordingExporter().export(temp.resolve("f-imported"), again, false);
    try (ZipFile file = ZipFile.builder().setPath(again).get()) {
      assertThat(TraceMetadataFile.parse(file.getInputStream(file.getEntry("trace_metadata.json"))).recordingId).isEqualTo(id);
    }

    // a foreign folder imported in place keeps its files; the id lives in the index
    Path inPlace = TestRecordings.foreignRecording(temp.resolve("in-place"), null);
    Map<String, String> before = TestRecordings.tree(inPlace);
    ImportResult folderResult = importer(theirs).importFolder(inPlace);
    assertThat(folderResult.alreadyIndexed()).isFalse();
    assertThat(TestRecordings.tree(inPlace)).isEqualTo(before);
    assertThat(importer(theirs).importFolder(inPlace).recording()).isEqualTo(folderResult.recording());
    assertThat(theirs.count()).isEqualTo(2);
  }

  @Test
  void importingAFolderRegistersItInPlaceOnce() {
    ImportResult first = importer(theirs).importFolder(folder);
    assertThat(first.alreadyIndexed()).isFalse();
    assertThat(first.recording().folder()).isEqualTo(folder);
    ImportResult second = importer(theirs).importFolder(folder);
    assertThat(second.alreadyIndexed()).isTrue();
    assertThat(theirs.count()).isEqualTo(1);
  }

  @Test
  void aRowWhoseFolderIsGoneIsReplacedByTheImport() throws Exception {
    Path first = temp.resolve("first");
    importer(theirs).importArchive(zip, first, false);
    dev.codetracer.core.io.FileTrees.deleteRecursively(first);

    ImportResult again = importer(theirs).importArchive(zip, temp.resolve("second"), false);
    assertThat(again.alreadyIndexed()).isFalse();
    assertThat(theirs.newest(10)).extracting(IndexedRecording::folder).containsExactly(temp.resolve("second"));

    dev.codetracer.core.io.FileTrees.deleteRecursively(temp.resolve("second"));
    ImportResult inPlace = importer(theirs).importFolder(folder);
    assertThat(inPlace.alreadyIndexed()).isFalse();
    assertThat(theirs.newest(10)).extracting(IndexedRecording::folder).containsExactly(folder);
  }

  @Test
  void importingIntoAFolderThatHeldAnotherRecordingReplacesOnlyItsRow() throws Exception {
    Path target = temp.resolve("target");
    String otherId = "0190abcd-9999-7000-8000-000000000009";
    TestRecordings.jvmRecording(target, otherId, "/bin/old", null);
    importer(theirs).importFolder(target);
    dev.codetracer.core.io.FileTrees.deleteRecursively(target);

    ImportResult result = importer(theirs).importArchive(zip, target, false);
    assertThat(result.alreadyIndexed()).isFalse();
    assertThat(theirs.newest(10)).containsExactly(result.recording());

    // a folder whose recording was replaced in place, imported where it is
    dev.codetracer.core.io.FileTrees.deleteRecursively(target);
    TestRecordings.jvmRecording(target, otherId, "/bin/old", null);
    ImportResult inPlace = importer(theirs).importFolder(target);
    assertThat(inPlace.alreadyIndexed()).isFalse();
    assertThat(theirs.newest(10)).extracting(IndexedRecording::recordingId).containsExactly(otherId);
  }

  @Test
  void neverReplacesANonEmptyTargetWithoutForce() throws Exception {
    Path target = temp.resolve("target");
    TestRecordings.write(target, "precious.txt", "mine");
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, target, false))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(target + " already exists and is not empty; choose another target or pass --force to replace it");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
    assertThat(temp.resolve("theirs")).doesNotExist();

    // an empty folder is fine
    Path empty = Files.createDirectory(temp.resolve("empty"));
    importer(theirs).importArchive(zip, empty, false);
    TestRecordings.assertSameFiles(empty, folder);
  }

  @Test
  void forceReplacesTheTargetAndItsIndexRow() throws Exception {
    Path target = temp.resolve("target");
    String otherId = "0190abcd-9999-7000-8000-000000000009";
    TestRecordings.jvmRecording(target, otherId, "/bin/old", null);
    importer(theirs).importFolder(target);
    assertThat(theirs.findById(otherId)).isPresent();

    ImportResult result = importer(theirs).importArchive(zip, target, true);
    assertThat(result.recording().recordingId()).isEqualTo(ID);
    TestRecordings.assertSameFiles(target, folder);
    assertThat(theirs.findById(otherId)).isEmpty();
    assertThat(theirs.count()).isEqualTo(1);
    assertThat(TestRecordings.names(TestRecordings.tree(temp))).noneMatch(n -> n.contains(".replaced-") || n.contains(".import-"));
  }

  @Test
  void forceReplacesOnlyARecordingAndNoFolderHoldingOtherRecordings() throws Exception {
    Path mine = temp.resolve("mine");
    TestRecordings.write(mine, "precious.txt", "mine");
    Path holder = temp.resolve("holder");
    TestRecordings.jvmRecording(holder, "0190abcd-9999-7000-8000-000000000009", "/bin/old", null);
    Path nested = holder.resolve("nested");
    TestRecordings.jvmRecording(nested, "0190abcd-8888-7000-8000-000000000008", "/bin/nested", null);
    importer(theirs).importFolder(nested);
    Map<String, String> before = TestRecordings.tree(temp);

    assertThatThrownBy(() -> importer(theirs).importArchive(zip, mine, true))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(mine + " is not a recording folder (it has no trace_metadata.json); --force replaces only a recording, so choose another target");
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, holder, true))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(holder + " holds the recording 0190abcd-8888-7000-8000-000000000008 (" + nested + "); choose another target");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
    assertThat(theirs.count()).isEqualTo(1);
  }

  @Test
  void aForcedImportThatFailsLeavesTheOldTargetAsItWas() throws Exception {
    Path target = temp.resolve("target");
    TestRecordings.jvmRecording(target, "0190abcd-9999-7000-8000-000000000009", "/bin/old", null);
    TestRecordings.write(target, "precious.txt", "mine");
    // the data directory cannot be created: its parent is a file
    Files.writeString(temp.resolve("file"), "x");
    LocalRecordings broken = new LocalRecordings(new DataDirectory(temp.resolve("file/data")));
    Map<String, String> before = TestRecordings.tree(temp);

    assertThatThrownBy(() -> importer(broken).importArchive(zip, target, true))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageContaining(temp.resolve("file").toString())
        .hasMessageNotContaining("\n");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void anUnwritableDataDirectoryLeavesNothingBehind() throws Exception {
    Files.writeString(temp.resolve("file"), "x");
    LocalRecordings broken = new LocalRecordings(new DataDirectory(temp.resolve("file/data")));
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> importer(broken).importArchive(zip, temp.resolve("new/parent/target"), false))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageContaining("data directory")
        .hasMessageNotContaining("\n");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void anInvalidRecordingInsideTheArchiveLeavesNothingBehind() throws Exception {
    Path bad = TestRecordings.jvmRecording(temp.resolve("bad"), ID, "/bin/p", null);
    Files.delete(bad.resolve("function_index.json"));
    Path badZip = temp.resolve("bad.zip");
    // RecordingExporter validates, so build this zip by hand
    try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(badZip)) {
      for (String name : new String[] {"trace_metadata.json", "trace.json", "trace_paths.json", "source/w/src/Main.java"}) {
        out.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(name));
        out.write(Files.readAllBytes(bad.resolve(name)));
        out.closeArchiveEntry();
      }
    }
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> importer(theirs).importArchive(badZip, temp.resolve("a/b/target"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessage(badZip + " is not a valid recording: the archive has no function_index.json");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void corruptDataIsDetectedByItsChecksum() throws Exception {
    long offset;
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      var entry = file.getEntry("trace.bin");
      assertThat(entry.getMethod()).isEqualTo(java.util.zip.ZipEntry.STORED);
      offset = entry.getDataOffset() + entry.getSize() / 2;
    }
    try (RandomAccessFile raf = new RandomAccessFile(zip.toFile(), "rw")) {
      raf.seek(offset);
      int b = raf.read();
      raf.seek(offset);
      raf.write(b ^ 0x5A);
    }
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, temp.resolve("t"), false))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContainingAll(zip.toString(), "corrupt", "trace.bin");
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }

  @Test
  void refusesToReplaceTheDataDirectoryOrAFolderHoldingTheArchive() throws Exception {
    importer(theirs).importArchive(zip, temp.resolve("first"), false);
    theirs.remove(ID);
    Map<String, String> before = TestRecordings.tree(temp);
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, theirs.dataDirectory().root(), true))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("data directory");
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, temp.resolve("theirs"), true))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining("data directory");
    assertThatThrownBy(() -> importer(theirs).importArchive(zip, temp.resolve("shared"), true))
        .isInstanceOf(ArchiveException.class)
        .hasMessageContaining(zip.toString());
    assertThat(TestRecordings.tree(temp)).isEqualTo(before);
  }
}
