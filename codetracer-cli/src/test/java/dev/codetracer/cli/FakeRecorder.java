package dev.codetracer.cli;

import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.Recorder;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TracePathsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A recorder for the CLI tests, loaded only when a test puts {@code fake-recorder/} on the CLI's
 * class path. It runs nothing: it writes a tiny valid stream, so the tests check the plumbing
 * around a recorder (folder, metadata, index, exports), not recording. An argument {@code exit=N}
 * makes the "program" end with N.
 */
public final class FakeRecorder implements Recorder {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public boolean handles(List<String> command) {
    return command.get(0).endsWith(".fake");
  }

  @Override
  public void checkUsable(RecordRequest request) {}

  @Override
  public ProgramExit record(RecordRequest request, TraceMetadata metadata) throws IOException {
    Path folder = request.folder();
    Files.writeString(folder.resolve("trace.json"), "[{\"Path\":\"/w/A.java\"}]");
    TracePathsFile.write(folder, List.of("/w/A.java"));
    FunctionIndexFile.write(folder, List.of(new FunctionIndexEntry("A.main", "", "/w/A.java", 1, true)));
    metadata.language = "java";
    int exit = request.args().stream().filter(a -> a.startsWith("exit=")).mapToInt(a -> Integer.parseInt(a.substring(5))).findFirst().orElse(0);
    return ProgramExit.exited(exit);
  }
}
