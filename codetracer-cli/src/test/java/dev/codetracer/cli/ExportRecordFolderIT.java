package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.recording.TraceMetadataFile;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer record} with CODETRACER_EXPORT_RECORD_FOLDER: every recording made through the
 * recording session is also exported into that folder. The CLI runs with a fake recorder on its
 * class path (the real recorders come with their own tests).
 */
class ExportRecordFolderIT {
  @TempDir Path sandbox;

  private CliProcess cli() {
    Path testClasses = Path.of(FakeRecorder.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path services = testClasses.resolve("fake-recorder");
    return CliProcess.in(sandbox).workdir(sandbox).extraClasspath(testClasses + File.pathSeparator + services);
  }

  private static String idOf(CliProcess.Result result) {
    return result.stderr().lines().filter(l -> l.startsWith("  id:")).findFirst().orElseThrow()
        .replaceAll(".*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*", "$1");
  }

  @Test
  void everyRecordingIsExportedIntoTheFolder() throws Exception {
    Path ci = sandbox.resolve("ci-artifacts");
    CliProcess cli = cli().env("CODETRACER_EXPORT_RECORD_FOLDER", ci.toString());
    List<String> ids = new ArrayList<>();
    CliProcess.Result first = cli.run("record", "--", "app.fake", "a", "b c");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    ids.add(idOf(first));
    assertThat(first.stderr()).contains("exported:  " + ci.resolve("trace-" + ids.get(0) + ".zip"));
    for (String output : List.of("a/rec", "b/rec")) {
      CliProcess.Result result = cli.run("record", "-o", output, "-e", output + ".zip", "--", "app.fake", "exit=3");
      assertThat(result.exitCode()).as("the program's exit code passes through: " + result).isEqualTo(3);
      ids.add(idOf(result));
      assertThat(sandbox.resolve(output + ".zip")).isRegularFile();
    }

    Set<String> exported = new TreeSet<>();
    try (var zips = Files.list(ci)) {
      for (Path zip : zips.toList()) {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
          exported.add(TraceMetadataFile.parse(file.getInputStream(file.getEntry("trace_metadata.json"))).recordingId);
        }
      }
    }
    assertThat(exported).containsExactlyInAnyOrderElementsOf(ids);

    JsonNode rows = new ObjectMapper().readTree(cli.run("list", "--json").stdout());
    assertThat(rows).hasSize(3);
    assertThat(rows).extracting(r -> r.get("recording_id").asText()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(rows).extracting(r -> r.get("backend").asText()).containsOnly("fake");
  }

  @Test
  void withoutTheVariableNothingIsExported() throws Exception {
    CliProcess.Result result = cli().run("record", "--", "app.fake");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderr()).doesNotContain("exported:");
    String id = idOf(result);
    Path folder = CliProcess.dataDirectory(sandbox).resolve("trace-" + id);
    assertThat(folder.resolve("trace_metadata.json")).isRegularFile();
    try (var files = Files.walk(sandbox)) {
      assertThat(files.filter(p -> p.toString().endsWith(".zip")).toList()).isEmpty();
    }
  }
}
