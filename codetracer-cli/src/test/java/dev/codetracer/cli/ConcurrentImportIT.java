package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.archive.RecordingExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several codetracer processes importing into one data directory at the same time. */
class ConcurrentImportIT {
  static final int PROCESSES = 6;

  @TempDir Path sandbox;

  private static String id(int n) {
    return String.format("0190dddd-0000-7000-8000-%012d", n);
  }

  private Path zip(int n, int randomBytes) throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("made/rec" + n), id(n), "/bin/app" + n, "2026-01-01T00:00:0" + n + ".000Z");
    Files.write(folder.resolve("trace.bin"), Sandbox.random(randomBytes, n));
    Path zip = sandbox.resolve("zips/rec" + n + ".zip");
    new RecordingExporter().export(folder, zip, false);
    return zip;
  }

  /** Starts all processes together and waits for every one. */
  private List<CliProcess.Result> runAtOnce(IntFunction<List<String>> argsOf) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
    try {
      List<Future<CliProcess.Result>> running = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        List<String> args = argsOf.apply(i);
        running.add(pool.submit(() -> CliProcess.in(sandbox).workdir(sandbox).run(args)));
      }
      List<CliProcess.Result> results = new ArrayList<>();
      for (Future<CliProcess.Result> result : running) {
        results.add(result.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonNode list() throws Exception {
    CliProcess.Result result = CliProcess.in(sandbox).run("list", "--json", "--all");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return new ObjectMapper().readTree(result.stdout());
  }

  private String integrityCheck() throws Exception {
    Path db = CliProcess.dataDirectory(sandbox).resolve("trace_index.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      return rs.next() ? rs.getString(1) : "no answer";
    }
  }

  private List<String> leftovers() throws Exception {
    try (var walk = Files.walk(sandbox)) {
      return walk.map(p -> p.getFileName().toString()).filter(n -> n.contains(".import-") || n.contains(".replaced-")).toList();
    }
  }

  @Test
  void differentArchivesIntoOneFreshDataDirectoryAllSucceed() throws Exception {
    List<Path> zips = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      zips.add(zip(i, 256 * 1024));
    }
    List<CliProcess.Result> results = runAtOnce(i -> List.of("import", zips.get(i).toString()));
    for (int i = 0; i < PROCESSES; i++) {
      CliProcess.Result result = results.get(i);
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdout()).contains("imported recording " + id(i));
      assertThat(result.stderr()).isEmpty();
      Sandbox.assertSameFiles(sandbox.resolve("zips/rec" + i), sandbox.resolve("made/rec" + i));
    }
    JsonNode rows = list();
    assertThat(rows).extracting(r -> r.get("recording_id").asText())
        .containsExactlyInAnyOrder(List.of(0, 1, 2, 3, 4, 5).stream().map(ConcurrentImportIT::id).toArray(String[]::new));
    assertThat(integrityCheck()).isEqualTo("ok");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void theSameArchiveIntoTheSameTargetImportsExactlyOnce() throws Exception {
    Path zip = zip(7, 8 << 20);
    Path target = sandbox.resolve("target");
    List<CliProcess.Result> results = runAtOnce(i -> List.of("import", zip.toString(), target.toString()));

    List<CliProcess.Result> imported = results.stream().filter(r -> r.stdout().contains("imported recording")).toList();
    assertThat(imported).as("%s", results).hasSize(1);
    assertThat(imported.get(0).exitCode()).isZero();
    for (CliProcess.Result other : results) {
      if (other == imported.get(0)) {
        continue;
      }
      if (other.exitCode() == 0) {
        assertThat(other.stdout()).as(other.toString()).contains("is already in the index, at " + target);
      } else {
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(1);
        assertThat(other.singleErrorLine()).containsAnyOf(
            "already exists and is not empty", "appeared while importing (another import?)", "already in the index");
      }
    }
    Sandbox.assertSameFiles(target, sandbox.resolve("made/rec7"));
    assertThat(list()).hasSize(1);
    assertThat(integrityCheck()).isEqualTo("ok");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void theSameArchiveIntoDifferentTargetsIsIndexedOnceAndTheOtherCopiesGoAway() throws Exception {
    Path zip = zip(8, 8 << 20);
    List<CliProcess.Result> results = runAtOnce(i -> List.of("import", zip.toString(), sandbox.resolve("t" + i).toString()));
    List<CliProcess.Result> imported = results.stream().filter(r -> r.stdout().contains("imported recording")).toList();
    assertThat(imported).as("%s", results).hasSize(1);
    for (CliProcess.Result result : results) {
      assertThat(result.exitCode()).as(result.toString()).isZero();
    }
    JsonNode rows = list();
    assertThat(rows).hasSize(1);
    Path kept = Path.of(rows.get(0).get("folder").asText());
    Sandbox.assertSameFiles(kept, sandbox.resolve("made/rec8"));
    for (int i = 0; i < PROCESSES; i++) {
      Path target = sandbox.resolve("t" + i);
      if (!target.equals(kept)) {
        assertThat(target).as("a copy that lost the race").doesNotExist();
      }
    }
    assertThat(integrityCheck()).isEqualTo("ok");
    assertThat(leftovers()).isEmpty();
  }
}
