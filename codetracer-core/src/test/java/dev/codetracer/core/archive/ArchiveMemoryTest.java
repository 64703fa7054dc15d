package dev.codetracer.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.TestRecordings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export and import stream: each runs in its own JVM with a 16 MiB heap on a recording of 124 MiB,
 * and the process's peak resident memory stays below the recording's size.
 */
class ArchiveMemoryTest {
  static final String ID = "0190abcd-1234-7000-8000-0000000000aa";
  static final long RECORDING_BYTES = 120L << 20;
  static final long RSS_LIMIT_BYTES = 110L << 20;

  @TempDir Path temp;

  @Test
  void exportAndImportRunInASmallHeapWithBoundedMemory() throws Exception {
    Path folder = TestRecordings.jvmRecording(temp.resolve("rec"), ID, "/bin/p", null);
    Random random = new Random(42);
    byte[] block = new byte[1 << 20];
    try (OutputStream bin = Files.newOutputStream(folder.resolve("trace.bin"))) {
      for (int i = 0; i < 100; i++) {
        random.nextBytes(block);
        bin.write(block);
      }
    }
    try (OutputStream json = Files.newOutputStream(folder.resolve("trace.json"))) {
      json.write("[\n".getBytes(StandardCharsets.US_ASCII));
      byte[] line = "{\"Step\":{\"path_id\":0,\"line\":42}},\n".getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < (24L << 20); written += line.length) {
        json.write(line);
      }
      json.write("{\"Path\":\"x\"}\n]\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(dev.codetracer.core.recording.RecordingFolder.sizeOf(folder)).isGreaterThan(RECORDING_BYTES);

    Path zip = temp.resolve("rec.zip");
    long exportRss = runSmallJvm("export", folder.toString(), zip.toString());
    long importRss = runSmallJvm("import", zip.toString(), temp.resolve("imported").toString(), temp.resolve("data").toString());

    System.out.printf("ArchiveMemoryTest: peak RSS export %d MiB, import %d MiB, recording %d MiB%n",
        exportRss >> 20, importRss >> 20, dev.codetracer.core.recording.RecordingFolder.sizeOf(folder) >> 20);
    TestRecordings.assertSameFiles(temp.resolve("imported"), folder);
    assertThat(exportRss).as("peak RSS of the export, bytes").isPositive().isLessThan(RSS_LIMIT_BYTES);
    assertThat(importRss).as("peak RSS of the import, bytes").isPositive().isLessThan(RSS_LIMIT_BYTES);
  }

  /** Runs {@link Child} with -Xmx16m; returns its peak resident set size (VmHWM). */
  private long runSmallJvm(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx16m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Child.class.getName()));
    command.addAll(List.of(args));
    Path log = temp.resolve("child-" + args[0] + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    String output = Files.readString(log);
    assertThat(process.exitValue()).as(output).isZero();
    String hwm = output.lines().filter(l -> l.startsWith("VmHWM:")).findFirst().orElseThrow();
    return Long.parseLong(hwm.replaceAll("[^0-9]", "")) * 1024;
  }

  /** The child JVM: one export or import, then its peak memory from /proc. */
  public static final class Child {
    public static void main(String[] args) throws IOException {
      if (args[0].equals("export")) {
        new RecordingExporter().export(Path.of(args[1]), Path.of(args[2]), false);
      } else {
        new RecordingImporter(new LocalRecordings(new DataDirectory(Path.of(args[3]))))
            .importArchive(Path.of(args[1]), Path.of(args[2]), false);
      }
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          System.out.println(line);
        }
      }
    }
  }
}
