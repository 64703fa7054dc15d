package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long exports and imports show progress on a terminal (a pseudo-terminal from {@code script}). */
class TerminalProgressIT {
  @TempDir Path sandbox;

  @Test
  void exportAndImportShowProgressOnATerminal() throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("rec"), "0190ffff-0000-7000-8000-000000000001", "/bin/app", null);
    try (RandomAccessFile stream = new RandomAccessFile(folder.resolve("trace.json").toFile(), "rw")) {
      stream.setLength(384L << 20); // deflating 384 MiB takes long enough for a few progress lines
    }
    CliProcess.Result export = CliProcess.in(sandbox).workdir(sandbox).onTerminal()
        .run("export", folder.toString(), "-o", "shared.zip");
    assertThat(export.exitCode()).as(export.toString()).isZero();
    assertThat(export.stdout()).contains("\rExporting: ", "% (", " of 384 MB)", "exported " + folder);

    CliProcess.Result imported = CliProcess.in(sandbox).workdir(sandbox).onTerminal()
        .run("import", "shared.zip", "--max-ratio", "100000");
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    assertThat(imported.stdout()).contains("\rImporting shared.zip: ", "imported recording");
  }
}
