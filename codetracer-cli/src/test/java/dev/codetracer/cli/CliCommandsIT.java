package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.archive.RecordingExporter;
import dev.codetracer.core.io.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands as a user runs them: real processes, a real data directory and index. */
@Execution(ExecutionMode.CONCURRENT)
class CliCommandsIT {
  static final String ID = "0190cccc-1111-7000-8000-000000000001";
  static final String TWIN = "0190cccc-2222-7000-8000-000000000002";
  static final List<String> COMMANDS = List.of("record", "run", "import", "export", "finish", "list", "show", "rm");

  @TempDir Path sandbox;

  private CliProcess cli() {
    return CliProcess.in(sandbox).workdir(sandbox);
  }

  private Path zipOf(String name, String id) throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("made/" + name), id, "/bin/" + name, "2026-01-01T00:00:00.000Z");
    Path zip = sandbox.resolve(name + ".zip");
    new RecordingExporter().export(folder, zip, false);
    return zip;
  }

  private JsonNode listJson() throws Exception {
    return new ObjectMapper().readTree(cli().run("list", "--json").succeeded().stdout());
  }

  // --- help, version, exit codes

  @Test
  void helpAndVersionOnEveryCommand() {
    for (String command : COMMANDS) {
      CliProcess.Result help = cli().run(command, "--help").succeeded();
      assertThat(help.stdout()).as(command).startsWith("Usage: codetracer " + command);
      assertThat(help.stderr()).isEmpty();
      CliProcess.Result version = cli().run(command, "--version").succeeded();
      assertThat(version.stdout()).as(command + " --version").startsWith("codetracer-java ");
    }
    assertThat(cli().run("--help").succeeded().stdout()).startsWith("Usage: codetracer").contains(COMMANDS);
    assertThat(cli().run("--version").succeeded().stdout()).startsWith("codetracer-java ").contains("Java ");
    assertThat(cli().run("-V").succeeded().stdout()).startsWith("codetracer-java ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"list --bogus", "import", "export", "rm", "rm 0190cccc --gone", "show", "nosuchcommand", "list --limit x", "list -n 0",
      "import a b c"})
  void usageErrorsExitWith2InOneLine(String args) {
    CliProcess.Result result = cli().run(List.of(args.split(" ")));
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
    assertThat(result.singleErrorLine()).startsWith("codetracer: usage error: ").contains("--help");
    assertThat(result.stdout()).isEmpty();
  }

  @Test
  void noCommandPrintsTheUsageAsAUsageError() {
    CliProcess.Result result = cli().run();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).startsWith("Usage: codetracer");
  }

  @Test
  void errorsAreOneLineAndStackTracesComeOnlyWithVerbose() throws Exception {
    Path bad = Sandbox.write(sandbox, "bad.zip", "not a zip");
    String line = cli().run("import", bad.toString()).errorLine();
    assertThat(line).contains("bad.zip", "not a valid zip archive");
    CliProcess.Result verbose = cli().run("import", bad.toString(), "--verbose");
    assertThat(verbose.exitCode()).isEqualTo(1);
    assertThat(verbose.stderrLines().get(0)).isEqualTo(line);
    assertThat(verbose.stderr()).contains("\tat dev.codetracer.");
    assertThat(cli().run("import", "missing.zip").errorLine()).isEqualTo("codetracer: error: " + sandbox.resolve("missing.zip") + " does not exist");
    assertThat(cli().run("show", "0190ffff").errorLine()).contains("no recording with id 0190ffff");
    assertThat(cli().run("rm", "0190ffff-0000").errorLine()).contains("no recording with id 0190ffff-0000");
  }

  // --- ids

  @Test
  void idPrefixesOfAtLeastEightCharactersAndAmbiguousOnesListTheCandidates() throws Exception {
    Sandbox.register(sandbox, Sandbox.recording(sandbox.resolve("r1"), ID, "/bin/one", "2026-01-01T00:00:00.000Z"));
    Sandbox.register(sandbox, Sandbox.recording(sandbox.resolve("r2"), TWIN, "/bin/two", "2026-01-02T00:00:00.000Z"));

    String ambiguous = cli().run("show", "0190cccc").errorLine();
    assertThat(ambiguous).contains("ambiguous", ID, TWIN);
    assertThat(cli().run("export", "0190CCCC-", "-o", "x.zip").errorLine()).contains("ambiguous", ID, TWIN);
    assertThat(cli().run("rm", "0190cccc").errorLine()).contains("ambiguous");
    assertThat(Sandbox.recordings(sandbox).count()).isEqualTo(2);

    assertThat(cli().run("show", "0190cccc-1").succeeded().stdout()).contains(ID).doesNotContain(TWIN);
    assertThat(cli().run("show", "0190CCCC-2222").succeeded().stdout()).contains(TWIN);
    assertThat(cli().run("show", ID, "--json").succeeded().stdout()).contains("\"recording_id\" : \"" + ID + "\"");
    assertThat(cli().run("show", "0190ccc").errorLine()).contains("0190ccc", "at least 8 characters");
    assertThat(cli().run("rm", "0190ccc").errorLine()).contains("at least 8 characters");
  }

  @Test
  void theIdAnImportPrintsToTypeBackTellsItFromRecordingsOfTheSameMinute() throws Exception {
    assertThat(cli().run("import", zipOf("one", ID).toString()).succeeded().stdout()).contains("open it with: codetracer run 0190cccc" + System.lineSeparator());
    CliProcess.Result second = cli().run("import", zipOf("two", TWIN).toString()).succeeded();
    assertThat(second.stdout()).contains("open it with: codetracer run 0190cccc-2" + System.lineSeparator());
    assertThat(cli().run("show", "0190cccc-2").succeeded().stdout()).contains(TWIN);
  }

  @Test
  void aDataFolderThatCannotBeMadeIsAOneLineError() throws Exception {
    Path file = Files.writeString(sandbox.resolve("not-a-folder"), "x");
    CliProcess cli = CliProcess.in(sandbox).env("XDG_DATA_HOME", file.toString());
    for (List<String> args : List.of(List.of("list"), List.of("record", "--", "java", "-version"))) {
      CliProcess.Result result = cli.run(args);
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      assertThat(result.singleErrorLine()).isEqualTo("codetracer: error: the data folder " + file.resolve("codetracer")
          + " cannot be made: " + file + " is a file (check XDG_DATA_HOME and HOME)");
    }
  }

  // --- import, list, show, export, rm

  @Test
  void importRegistersAndReImportSaysAlreadyInTheIndexWithoutDuplicating() throws Exception {
    Path zip = zipOf("app", ID);
    CliProcess.Result first = cli().run("import", zip.toString()).succeeded();
    assertThat(first.stdout()).contains("imported recording " + ID + " into " + sandbox.resolve("app"));
    assertThat(first.stderr()).as("no progress when stderr is not a terminal").isEmpty();
    Sandbox.assertSameFiles(sandbox.resolve("app"), sandbox.resolve("made/app"));
    Map<String, String> before = Sandbox.snapshot(sandbox);

    CliProcess.Result again = cli().run("import", zip.toString()).succeeded();
    assertThat(again.stdout()).contains("recording " + ID + " is already in the index, at " + sandbox.resolve("app"));
    CliProcess.Result elsewhere = cli().run("import", zip.toString(), sandbox.resolve("other").toString()).succeeded();
    assertThat(elsewhere.stdout()).contains("already in the index");
    CliProcess.Result folder = cli().run("import", sandbox.resolve("made/app").toString()).succeeded();
    assertThat(folder.stdout()).contains("already in the index");
    assertThat(Sandbox.snapshot(sandbox)).isEqualTo(before);
    assertThat(listJson()).hasSize(1);
  }

  @Test
  void roundTripThroughTheCliKeepsEveryByteAndTheId() throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("alice/rec"), ID, "/bin/app", "2026-01-01T00:00:00.000Z");
    Files.write(folder.resolve("trace.bin"), Sandbox.random(300_000, 1));
    Sandbox.write(folder, "source/w/src/util/Strings.java", "class Strings {}\n".repeat(500));
    Path alice = sandbox.resolve("alice");
    Path bob = sandbox.resolve("bob");
    CliProcess.in(alice).workdir(alice).run("import", folder.toString()).succeeded();
    CliProcess.in(alice).workdir(alice).run("export", ID.substring(0, 8), "-o", sandbox.resolve("shared/rec.zip").toString()).succeeded();
    CliProcess.Result imported = CliProcess.in(bob).workdir(bob).run("import", sandbox.resolve("shared/rec.zip").toString(),
        bob.resolve("received").toString()).succeeded();
    assertThat(imported.stdout()).contains("imported recording " + ID);
    Sandbox.assertSameFiles(bob.resolve("received"), folder);
    JsonNode rows = new ObjectMapper().readTree(CliProcess.in(bob).run("list", "--json").succeeded().stdout());
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.get("recording_id").asText()).isEqualTo(ID);
      assertThat(row.get("imported").asBoolean()).isTrue();
      assertThat(row.get("folder").asText()).isEqualTo(bob.resolve("received").toString());
    });
  }

  @Test
  void listShowsNewestFirstAndJsonForScripts() throws Exception {
    assertThat(cli().run("list").succeeded().stderr()).contains("no recordings yet");
    assertThat(listJson()).isEmpty();
    Sandbox.register(sandbox, Sandbox.recording(sandbox.resolve("r1"), ID, "/bin/older", "2026-01-01T00:00:00.000Z"));
    Sandbox.register(sandbox, Sandbox.recording(sandbox.resolve("r2"), TWIN, "/bin/newer", "2026-03-01T12:30:00.000Z"));

    JsonNode rows = listJson();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("recording_id").asText()).isEqualTo(TWIN);
    assertThat(rows.get(0).get("program").asText()).isEqualTo("/bin/newer");
    assertThat(rows.get(0).get("args").toString()).isEqualTo("[\"--n\",\"3\"]");
    assertThat(rows.get(0).get("recorded_at").asText()).isEqualTo("2026-03-01T12:30:00.000Z");
    assertThat(rows.get(0).get("folder").asText()).isEqualTo(sandbox.resolve("r2").toString());
    assertThat(rows.get(0).get("size_bytes").asLong()).isPositive();
    assertThat(rows.get(1).get("recording_id").asText()).isEqualTo(ID);

    List<String> table = cli().run("list").succeeded().stdout().lines().toList();
    assertThat(table).hasSize(3);
    assertThat(table.get(0)).contains("ID", "PROGRAM", "BACKEND", "TEST", "DATE", "SIZE");
    // recordings made within a minute share their first 8 characters: each is shown as far as it must be
    assertThat(table.get(1)).startsWith("0190cccc-2  ").contains("newer --n 3", "jvm", "2026-03-01 12:30:00Z");
    assertThat(table.get(2)).startsWith("0190cccc-1  ").contains("older");
    assertThat(cli().run("show", "0190cccc-2").succeeded().stdout()).contains(TWIN);
    CliProcess.Result limited = cli().run("list", "-n", "1").succeeded();
    assertThat(limited.stdout().lines()).hasSize(2);
    assertThat(limited.stderr()).contains("the newest 1 of 2");
  }

  @Test
  void showPrintsTheMetadataAndWhatTheFolderHolds() throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("r1"), ID, "/bin/app", "2026-01-01T00:00:00.000Z");
    Sandbox.register(sandbox, folder);
    CliProcess.Result shown = cli().run("show", "0190cccc").succeeded();
    assertThat(shown.stdout()).contains("folder: " + folder, "trace.json", "function_index.json (1 function)",
        "\"program\" : \"/bin/app\"", "\"format_version\" : 1");
    // a folder that is not indexed is shown too
    Path other = Sandbox.recording(sandbox.resolve("r2"), TWIN, "/bin/other", null);
    assertThat(cli().run("show", other.toString()).succeeded().stdout()).contains(TWIN);
  }

  @Test
  void aRecordingWhoseFolderIsGoneSaysHowToRemoveIt() throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("gone"), ID, "/bin/app", null);
    Sandbox.register(sandbox, folder);
    Files.walk(folder).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    assertThat(cli().run("show", ID).errorLine()).contains("folder " + folder + " is gone", "codetracer rm 0190cccc`");
    assertThat(cli().run("export", ID, "-o", "x.zip").errorLine()).contains("is gone");
    assertThat(cli().run("rm", ID).succeeded().stdout()).contains("removed recording " + ID);
  }

  @Test
  void exportWritesTheRecordingAndForeignOnesGetTheirIndexedId() throws Exception {
    Path folder = Sandbox.recording(sandbox.resolve("r1"), ID, "/bin/app", null);
    Sandbox.register(sandbox, folder);
    CliProcess.Result exported = cli().run("export", "0190cccc", "-o", "out/app.zip").succeeded();
    assertThat(exported.stdout()).contains("exported " + folder + " to " + sandbox.resolve("out/app.zip"));
    assertThat(exported.stderr()).as("no progress when stderr is not a terminal").isEmpty();
    try (ZipFile zip = ZipFile.builder().setPath(sandbox.resolve("out/app.zip")).get()) {
      List<String> names = new ArrayList<>();
      zip.getEntries().asIterator().forEachRemaining(e -> names.add(e.getName()));
      assertThat(names).containsExactly("function_index.json", "source/w/src/Main.java", "trace.json",
          "trace_metadata.json", "trace_paths.json");
    }
    assertThat(cli().run("export", ID, "-o", "out/app.zip").errorLine()).contains("already exists", "--force");
    cli().run("export", ID, "-o", "out/app.zip", "--force").succeeded();
    // without -o: <folder name>.zip in the current folder
    cli().run("export", folder.toString()).succeeded();
    assertThat(sandbox.resolve("r1.zip")).isRegularFile();

    Path foreign = Sandbox.foreignRecording(sandbox.resolve("foreign"), null);
    CliProcess.Result imported = cli().run("import", foreign.toString()).succeeded();
    String foreignId = imported.stdout().replaceAll("(?s).*imported recording ([0-9a-f-]{36}).*", "$1");
    cli().run("export", foreignId.substring(0, 8), "-o", "foreign.zip").succeeded();
    try (ZipFile zip = ZipFile.builder().setPath(sandbox.resolve("foreign.zip")).get()) {
      String metadata = new String(zip.getInputStream(zip.getEntry("trace_metadata.json")).readAllBytes());
      assertThat(metadata).contains("\"recording_id\" : \"" + foreignId + "\"");
    }
    assertThat(listJson()).extracting(row -> row.get("recording_id").asText()).contains(foreignId);
  }

  @Test
  void listMarksRecordingsWhoseFolderIsGoneAndRmGoneForgetsOnlyThose() throws Exception {
    Path kept = Sandbox.recording(sandbox.resolve("kept"), ID, "/bin/kept", "2026-01-01T00:00:00.000Z");
    Path cleaned = Sandbox.recording(sandbox.resolve("target/codetracer/cleaned"), TWIN, "/bin/cleaned", "2026-01-02T00:00:00.000Z");
    Sandbox.register(sandbox, kept);
    Sandbox.register(sandbox, cleaned);
    FileTrees.deleteRecursively(sandbox.resolve("target"));

    CliProcess.Result listed = cli().run("list").succeeded();
    assertThat(listed.stdout().lines().toList().get(1)).contains("cleaned").endsWith("gone");
    assertThat(listed.stdout().lines().toList().get(2)).contains("kept").doesNotContain("gone");
    assertThat(listed.stderr()).contains("1 of these folders is gone", "codetracer rm --gone");
    assertThat(listJson().get(0).get("folder_exists").asBoolean()).isFalse();
    Map<String, String> before = Sandbox.snapshot(sandbox.resolve("kept"));

    CliProcess.Result removed = cli().run("rm", "--gone").succeeded();
    assertThat(removed.stdout()).contains("removed recording " + TWIN + " from the index: its folder " + cleaned + " is gone", "removed 1 entry");
    assertThat(listJson()).singleElement().satisfies(row -> assertThat(row.get("recording_id").asText()).isEqualTo(ID));
    assertThat(Sandbox.snapshot(sandbox.resolve("kept"))).isEqualTo(before);
    assertThat(cli().run("rm", "--gone").succeeded().stdout()).contains("every recording in the index still has its folder");
  }

  @Test
  void rmDeletesTheFolderOnlyInsideTheDataDirectory() throws Exception {
    Path zip = zipOf("app", ID);
    Path inside = CliProcess.dataDirectory(sandbox).resolve("trace-" + ID);
    cli().run("import", zip.toString(), inside.toString()).succeeded();
    Path outside = Sandbox.recording(sandbox.resolve("mine"), TWIN, "/bin/mine", null);
    cli().run("import", outside.toString()).succeeded();
    Map<String, String> outsideFiles = Sandbox.snapshot(outside);

    CliProcess.Result removedInside = cli().run("rm", ID.substring(0, 13)).succeeded();
    assertThat(removedInside.stdout()).contains("removed recording " + ID + " and its folder " + inside);
    assertThat(inside).doesNotExist();
    assertThat(CliProcess.dataDirectory(sandbox).resolve("trace_index.db")).isRegularFile();

    CliProcess.Result removedOutside = cli().run("rm", TWIN).succeeded();
    assertThat(removedOutside.stdout()).contains("its folder " + outside + " is left as it is");
    assertThat(Sandbox.snapshot(outside)).isEqualTo(outsideFiles);
    assertThat(listJson()).isEmpty();
    assertThat(cli().run("rm", TWIN).errorLine()).contains("no recording with id " + TWIN);
  }

  // --- run

  /** A fake CodeTracer app on the PATH, so that run opens recordings with it and returns. */
  private CliProcess withFakeCt() throws Exception {
    Path ct = Sandbox.write(sandbox, "bin/ct", "#!/bin/sh\necho \"fake-ct $*\"\n");
    Files.setPosixFilePermissions(ct, PosixFilePermissions.fromString("rwxr-xr-x"));
    return cli().env("PATH", ct.getParent() + ":" + System.getenv("PATH"));
  }

  @Test
  void runImportsAnUnknownFolderOrZipFirstAndAKnownOneNot() throws Exception {
    CliProcess cli = withFakeCt();
    Path folder = Sandbox.recording(sandbox.resolve("folder-rec"), ID, "/bin/app", "2026-01-01T00:00:00.000Z");
    CliProcess.Result first = cli.run("run", folder.toString()).succeeded();
    assertThat(first.stderr()).contains("imported recording " + ID + " into " + folder);
    assertThat(first.stdout()).contains("fake-ct replay --trace-folder=" + folder);
    CliProcess.Result second = cli.run("run", folder.toString()).succeeded();
    assertThat(second.stderr()).doesNotContain("imported");
    assertThat(second.stdout()).contains("fake-ct replay --trace-folder=" + folder);

    Path zip = zipOf("zipped", TWIN);
    CliProcess.Result fromZip = cli.run("run", zip.toString()).succeeded();
    assertThat(fromZip.stderr()).contains("imported recording " + TWIN + " into " + sandbox.resolve("zipped"));
    Map<String, String> before = Sandbox.snapshot(sandbox);
    CliProcess.Result zipAgain = cli.run("run", zip.toString()).succeeded();
    assertThat(zipAgain.stderr()).doesNotContain("imported");
    assertThat(zipAgain.stdout()).contains("--trace-folder=" + sandbox.resolve("zipped"));
    CliProcess.Result byId = cli.run("run", TWIN.substring(0, 13)).succeeded();
    assertThat(byId.stdout()).contains("--trace-folder=" + sandbox.resolve("zipped"));
    assertThat(Sandbox.snapshot(sandbox)).isEqualTo(before);
    assertThat(listJson()).hasSize(2);
  }

  @Test
  void runTwiceOnAForeignZipWithoutIdImportsItOnce() throws Exception {
    CliProcess cli = withFakeCt();
    Path foreign = Sandbox.foreignRecording(sandbox.resolve("made/foreign"), null);
    Path zip = sandbox.resolve("foreign.zip");
    new RecordingExporter().export(foreign, zip, false);
    assertThat(cli.run("run", zip.toString()).succeeded().stderr()).contains("imported recording");
    CliProcess.Result again = cli.run("run", zip.toString()).succeeded();
    assertThat(again.stderr()).doesNotContain("imported");
    assertThat(again.stdout()).contains("--trace-folder=" + sandbox.resolve("foreign"));
    assertThat(listJson()).hasSize(1);
  }

  @Test
  void recordNamesTheBackendsWhenItCannotRecord() {
    String line = cli().run("record", "--backend", "nosuch", "--", "/bin/true").errorLine();
    assertThat(line).contains("unknown backend \"nosuch\"", "available backends");
    String missing = cli().run("record", "--", "./no-such-program").errorLine();
    assertThat(missing).contains("no-such-program");
    assertThat(CliProcess.dataDirectory(sandbox)).doesNotExist();
  }
}
