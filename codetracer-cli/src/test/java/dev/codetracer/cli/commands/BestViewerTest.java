package dev.codetracer.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.recording.TracePathsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestViewerTest {
  @TempDir Path temp;

  @Test
  void codeTracerWinsWhenInstalled() throws Exception {
    Path bin = executable("bin/ct");
    RecordingFolder trace = recording("trace", false);
    BestViewer.Choice choice = new BestViewer(Map.of("PATH", bin.getParent().toString()), f -> Optional.empty()).choose(trace);
    assertThat(choice.command()).containsExactly(bin.toString(), "replay", "--trace-folder=" + trace.path());
    assertThat(choice.reason()).contains("CodeTracer is installed");
    assertThat(new BestViewer(Map.of("PATH", bin.getParent().toString()), f -> Optional.of("no")).choose(recording("rr", true))
        .command()).first().isEqualTo(bin.toString());
  }

  @Test
  void rrReplaysAnRrRecordingWhereRrCan() throws Exception {
    Path rr = executable("tools/rr");
    RecordingFolder folder = recording("rr", true);
    BestViewer.Choice choice = new BestViewer(Map.of("PATH", rr.getParent().toString()), f -> Optional.empty()).choose(folder);
    assertThat(choice.command()).containsExactly(rr.toString(), "replay", folder.path().resolve("rr").toString());
    assertThat(choice.reason()).contains("rr can replay");
  }

  @Test
  void otherwiseTheWebViewerSaysWhy() throws Exception {
    BestViewer none = new BestViewer(Map.of("PATH", temp.resolve("empty").toString()), f -> Optional.of("no PMU here"));
    BestViewer.Choice rr = none.choose(recording("rr", true));
    assertThat(rr.isWebViewer()).isTrue();
    assertThat(rr.reason()).contains("rr cannot replay here (no PMU here)");
    BestViewer.Choice trace = none.choose(recording("trace", false));
    assertThat(trace.isWebViewer()).isTrue();
    assertThat(trace.reason()).contains("ct) is not installed");
  }

  private Path executable(String relative) throws Exception {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private RecordingFolder recording(String name, boolean rr) throws Exception {
    Path folder = temp.resolve(name);
    Files.createDirectories(folder);
    if (rr) {
      Files.createDirectories(folder.resolve("rr"));
    } else {
      Files.writeString(folder.resolve("trace.json"), "[]");
      TracePathsFile.write(folder, List.of());
    }
    FunctionIndexFile.write(folder, List.of());
    TraceMetadata m = new TraceMetadata();
    m.formatVersion = TraceMetadata.FORMAT_VERSION;
    m.program = "/bin/app";
    m.workdir = "/";
    TraceMetadataFile.write(folder, m);
    return RecordingFolder.open(folder);
  }
}
