package dev.codetracer.maven;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ExportFolder;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.maven.tests.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What happens to a kept recording after its JVM is gone: the test's facts go into its metadata,
 * the folder is validated ({@link RecordingFolder#open}), registered in the user's index and, when
 * asked, exported as a zip beside it (and into {@code CODETRACER_EXPORT_RECORD_FOLDER}).
 */
final class RecordingRegistration {
  /** A recording ready to be opened. */
  record Registered(Path folder, long sizeBytes, List<Path> zips) {}

  private final LocalRecordings index;
  private final boolean register;
  private final boolean export;
  private final Optional<Path> exportFolder;
  private final Consumer<String> warn;

  RecordingRegistration(LocalRecordings index, boolean register, boolean export, Optional<Path> exportFolder, Consumer<String> warn) {
    this.index = index;
    this.register = register;
    this.export = export;
    this.exportFolder = exportFolder;
    this.warn = warn;
  }

  /**
   * @param recordMode {@code retain} (recorded as it ran) or {@code rerun}
   * @param reproduced for a re-run: whether the failure happened again, else null
   */
  Registered complete(Path folder, TestResult test, String recordMode, Boolean reproduced) {
    TraceMetadata metadata = TraceMetadataFile.read(folder);
    metadata.testId = test.uniqueId();
    metadata.testName = test.displayName();
    metadata.testClass = test.className();
    metadata.testMethod = test.methodName();
    metadata.testParameters = test.parameters();
    metadata.testOutcome = test.outcome();
    metadata.failureType = test.failureType();
    metadata.failureMessage = test.failureMessage();
    metadata.failureStack = test.failureStack();
    metadata.recordMode = recordMode;
    metadata.reproduced = reproduced;
    metadata.put("recorded_by", "codetracer-maven-plugin");
    TraceMetadataFile.write(folder, metadata);
    return complete(folder);
  }

  /** Validates, registers and exports a finished recording folder. */
  Registered complete(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    if (register) {
      try {
        if (index.findSame(recording).isEmpty()) {
          index.register(recording, false);
        }
      } catch (CodeTracerException e) {
        warn.accept("the recording " + folder + " was not added to the index: " + e.getMessage());
      }
    }
    List<Path> zips = new ArrayList<>();
    if (export) {
      exportTo(recording, folder.resolveSibling(folder.getFileName() + ".zip"), zips);
    }
    exportFolder.ifPresent(dir -> exportTo(recording, ExportFolder.zipFor(dir, folder), zips));
    return new Registered(folder, recording.sizeBytes(), zips);
  }

  private void exportTo(RecordingFolder recording, Path zip, List<Path> zips) {
    try {
      new RecordingExporter().export(recording.path(), zip, false);
      zips.add(zip);
    } catch (CodeTracerException e) {
      warn.accept("the recording " + recording.path() + " was not exported: " + e.getMessage());
    }
  }
}
