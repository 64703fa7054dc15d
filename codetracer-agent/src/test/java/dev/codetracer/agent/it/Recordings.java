package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.jvm.RawLog;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.TraceModel;
import dev.codetracer.core.trace.ValueRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks every recording the tests make: a valid folder, a valid stream, the paths agreeing. */
final class Recordings {
  private Recordings() {}

  /** Opens and validates the folder and its stream; returns the stream's model. */
  static TraceModel check(Path folder) {
    RecordingFolder recording = RecordingFolder.open(folder);
    assertThat(folder.resolve(RawLog.FILE_NAME)).as("the change log is removed once finished").doesNotExist();
    TraceModel model = TraceModel.load(recording.eventStream());
    assertThat(TracePathsFile.read(folder)).isEqualTo(model.paths());
    assertThat(FunctionIndexFile.read(folder)).isNotEmpty();
    return model;
  }

  static TraceMetadata metadata(Path folder) {
    return RecordingFolder.open(folder).metadata();
  }

  /** The rendered values of a variable at each step of a line of a file. */
  static List<String> valuesAtLine(TraceModel model, Path source, int line, String variable) {
    return model.stepsAt(source.toString(), line).stream()
        .map(step -> model.valueAt(step, variable).map(model::render).orElse("<absent>"))
        .toList();
  }

  static String render(TraceModel model, ValueRecord value) {
    return model.render(value);
  }

  static boolean exists(Path path) {
    return Files.exists(path);
  }
}
