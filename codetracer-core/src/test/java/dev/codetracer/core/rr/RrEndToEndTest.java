package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.archive.RecordingImporter;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.ProgramExit;
import dev.codetracer.core.record.RecorderUnavailableException;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real recording: record -> pack -> export -> import -> {@code rr replay}. It needs a machine
 * where rr can record; everywhere else each test is skipped with the pre-flight's own message,
 * printed, so a skip always says why.
 */
class RrEndToEndTest {
  private static final String UTIL = "int add(int a, int b) {\n  return a + b;\n}\n";
  private static final String HEADER = "int add(int a, int b);\n";
  private static final String MAIN =
      "#include <signal.h>\n"
          + "#include <stdio.h>\n"
          + "#include <stdlib.h>\n"
          + "#include <string.h>\n"
          + "#include <unistd.h>\n"
          + "#include \"util.h\"\n"
          + "\n"
          + "int main(int argc, char **argv) {\n"
          + "  if (argc > 1 && strcmp(argv[1], \"--die\") == 0) {\n"
          + "    kill(getpid(), SIGTERM);\n"
          + "  }\n"
          + "  int sum = add(atoi(argv[1]), atoi(argv[2]));\n"
          + "  printf(\"sum=%d\\n\", sum);\n"
          + "  return 3;\n"
          + "}\n";

  @TempDir Path tmp;

  private Path src;
  private Path program;
  private Map<String, String> environment;

  @BeforeEach
  void buildAndCheckThisMachineCanRecord() throws Exception {
    Files.createDirectories(tmp.resolve("src"));
    src = tmp.resolve("src").toRealPath();
    NativeBuild.write(src, "util.h", HEADER);
    NativeBuild.write(src, "util.c", "#include \"util.h\"\n" + UTIL);
    NativeBuild.write(src, "main.c", MAIN);
    program = NativeBuild.compile("gcc", src, "adder", "main.c", "util.c");
    environment = cleanEnvironment();
    try {
      new RrRecorder()
          .checkUsable(RrTestSupport.request(List.of(program.toString(), "2", "3"), src, tmp.resolve("unused"), environment, null));
    } catch (RecorderUnavailableException e) {
      String reason = "skipped: rr cannot record on this machine, the pre-flight says: " + e.getMessage();
      System.out.println(getClass().getSimpleName() + " " + reason);
      Assumptions.assumeTrue(false, reason);
    }
  }

  private RecordingSession session(LocalRecordings recordings) {
    return new RecordingSession(new Recorders(List.of(new RrRecorder())), recordings, ProgressListener.NONE);
  }

  @Test
  void recordPackExportImportAndReplay() throws Exception {
    LocalRecordings recordings = new LocalRecordings(new DataDirectory(tmp.resolve("data")));
    Path output = tmp.resolve("recording");
    Path zip = tmp.resolve("recording.zip");
    RecordingSession.Options options =
        new RecordingSession.Options("rr", output, zip, null, TraceFormat.JSON, null, true, null, true);

    RecordingSession.Result result = session(recordings).record(List.of(program.toString(), "2", "3"), src, environment, options);

    assertThat(result.exit()).isEqualTo(ProgramExit.exited(3));
    RecordingFolder folder = RecordingFolder.open(output);
    assertThat(folder.payload()).isEqualTo(RecordingFolder.Payload.RR);
    TraceMetadata metadata = folder.metadata();
    assertThat(metadata.program).isEqualTo(program.toString());
    assertThat(metadata.args).containsExactly("2", "3");
    assertThat(metadata.exitCode).isEqualTo(3);
    assertThat(metadata.signal).isNull();
    assertThat(metadata.recorderName).isEqualTo("rr");
    assertThat(metadata.extra().get(RrRecorder.RR_VERSION))
        .isEqualTo(RrLocator.parseVersion(ToolRun.run(List.of("rr", "--version"), null, null, null).stdout()));
    assertThat(metadata.language).isEqualTo("c");
    assertThat(metadata.startTime).isNotNull();
    assertThat(metadata.durationMs).isNotNull();
    assertThat(output.resolve("source").resolve(src.resolve("util.c").toString().substring(1))).exists();
    assertThat(FunctionIndexFile.read(output))
        .contains(new FunctionIndexEntry("add", "add", src.resolve("util.c").toString(), NativeBuild.lineOf(UTIL, "int add(") + 1, true));
    assertThat(result.warnings()).isEmpty();
    assertThat(recordings.findById(metadata.recordingId)).isPresent();
    assertThat(zip).exists();

    LocalRecordings elsewhere = new LocalRecordings(new DataDirectory(tmp.resolve("other-data")));
    Path imported = tmp.resolve("imported");
    ImportResult importResult = new RecordingImporter(elsewhere).importArchive(zip, imported, false);
    assertThat(importResult.recording().recordingId()).isEqualTo(metadata.recordingId);

    ToolRun.Result replay =
        ToolRun.run(RrCommand.replayToEnd(Path.of("rr"), imported.resolve("rr")), environment, tmp, null);
    assertThat(replay.exitCode()).as(replay.stderr()).isZero();
    assertThat(replay.stdout()).contains("sum=5");
  }

  @Test
  void aProgramKilledByASignalKeepsItsRecordingAndTheSignalsName() throws Exception {
    LocalRecordings recordings = new LocalRecordings(new DataDirectory(tmp.resolve("data")));
    Path output = tmp.resolve("recording");
    RecordingSession.Options options =
        new RecordingSession.Options("rr", output, null, null, TraceFormat.JSON, null, true, null, true);

    RecordingSession.Result result = session(recordings).record(List.of(program.toString(), "--die", "0"), src, environment, options);

    assertThat(result.exit()).isEqualTo(new ProgramExit(128 + 15, "SIGTERM"));
    TraceMetadata metadata = RecordingFolder.open(output).metadata();
    assertThat(metadata.exitCode).isEqualTo(143);
    assertThat(metadata.signal).isEqualTo("SIGTERM");
    assertThat(recordings.findById(metadata.recordingId)).isPresent();
  }
}
