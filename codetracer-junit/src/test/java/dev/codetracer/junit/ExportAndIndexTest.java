package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.RecordingImporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.junit.support.SampleResult;
import dev.codetracer.junit.support.SampleRun;
import dev.codetracer.junit.support.TestJvms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code codetracer.export}, {@code CODETRACER_EXPORT_RECORD_FOLDER} and {@code codetracer.index}. */
class ExportAndIndexTest {
  @TempDir Path home;

  private static String newestJunit() {
    List<String> versions = TestJvms.junitVersions();
    return versions.get(versions.size() - 1);
  }

  @Test
  void exportedZipsImportElsewhereAsTheSameRecordings() throws IOException {
    Path collected = home.resolve("ci-artifacts");
    SampleResult result =
        SampleRun.of(newestJunit(), home.resolve("build"))
            .selectClassName("sample.CartSample")
            .withAgent()
            .property("codetracer.export", "true")
            .property("codetracer.index", "false")
            .env("CODETRACER_EXPORT_RECORD_FOLDER", collected.toString())
            .run();

    List<Path> recordings = result.recordings();
    assertThat(recordings).as(result.toString()).hasSize(4);
    assertThat(Files.exists(result.dataDirectoryOrDefault(home.resolve("build")).resolve(DataDirectory.INDEX_FILE_NAME)))
        .as("codetracer.index=false leaves the index alone")
        .isFalse();
    List<Path> collectedZips = zipsIn(collected);
    assertThat(collectedZips).hasSize(4);
    Path elsewhere = home.resolve("elsewhere");
    LocalRecordings otherIndex = new LocalRecordings(new DataDirectory(elsewhere.resolve("data")));
    for (Path folder : recordings) {
      Path beside = folder.resolveSibling(folder.getFileName() + ".zip");
      assertThat(beside).isRegularFile();
      assertThat(collected.resolve(folder.getFileName() + ".zip")).isRegularFile();
      TraceMetadata original = TraceMetadataFile.read(folder);
      ImportResult imported =
          new RecordingImporter(otherIndex).importArchive(beside, elsewhere.resolve(folder.getFileName()), false);
      RecordingFolder copy = RecordingFolder.open(imported.recording().folder());
      assertThat(copy.metadata().recordingId).isEqualTo(original.recordingId);
      assertThat(copy.metadata().testId).isEqualTo(original.testId);
      assertThat(copy.metadata().failureMessage).isEqualTo(original.failureMessage);
      assertThat(otherIndex.findById(original.recordingId)).isPresent();
    }
  }

  private static List<Path> zipsIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".zip")).collect(Collectors.toList());
    }
  }
}
