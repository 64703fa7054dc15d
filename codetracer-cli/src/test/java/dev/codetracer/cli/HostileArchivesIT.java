package dev.codetracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.archive.RecordingExporter;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The corpus of hostile archives. Each archive is built here and imported by the real CLI in its
 * own process; each must fail with exit code 1 and one line on stderr naming the problem, and
 * leave every file in the sandbox (archives, targets, the data directory and its index, HOME and
 * the JVM's temporary folder) exactly as it was.
 */
@Execution(ExecutionMode.CONCURRENT)
class HostileArchivesIT {
  static final String INDEXED_ID = "0190aaaa-0000-7000-8000-000000000001";
  static final String ID = "0190bbbb-0000-7000-8000-000000000002";
  /** A recording a forced import replaces. */
  static final String OLD_ID = "0190bbbb-0000-7000-8000-000000000009";

  @TempDir Path sandbox;
  Path work;
  Path valid;

  @BeforeEach
  void setUp() throws Exception {
    work = Files.createDirectories(sandbox.resolve("work"));
    // the data directory already holds an index with a recording: it must not change either
    Sandbox.register(sandbox, Sandbox.recording(sandbox.resolve("home/recordings/old"), INDEXED_ID, "/bin/old", null));
    valid = Sandbox.recording(work.resolve("valid"), ID, "/bin/app", "2026-01-01T00:00:00.000Z");
  }

  /** The valid recording's files, as raw entries to add hostile ones to. */
  private ZipBuilder validEntries() throws Exception {
    return new ZipBuilder().addFolder(valid);
  }

  private Path export(String name) throws Exception {
    Path folder = Sandbox.recording(work.resolve("to-export"), ID, "/bin/app", null);
    Files.write(folder.resolve("trace.bin"), Sandbox.random(64 * 1024, 3));
    Path zip = work.resolve(name);
    new RecordingExporter().export(folder, zip, false);
    return zip;
  }

  private CliProcess.Result assertRefused(Path zip, List<String> options, String... words) {
    return assertRefused(CliProcess.in(sandbox), zip, options, words);
  }

  private CliProcess.Result assertRefused(CliProcess cli, Path zip, List<String> options, String... words) {
    Map<String, String> before = Sandbox.snapshot(sandbox);
    List<String> args = new ArrayList<>(List.of("import", zip.toString()));
    args.addAll(options);
    CliProcess.Result result = cli.workdir(work).run(args);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.singleErrorLine()).startsWith("codetracer: error: ").contains(words);
    assertThat(result.stdout()).as(result.toString()).isEmpty();
    assertThat(Sandbox.snapshot(sandbox)).as("files after %s", result).isEqualTo(before);
    return result;
  }

  private CliProcess.Result assertRefused(Path zip, String... words) {
    return assertRefused(zip, List.of(), words);
  }

  // --- entry names, links, duplicates

  @Test
  void absoluteName() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("/tmp/codetracer-evil.txt", "evil");
    assertRefused(zip.write(work.resolve("absolute.zip")), "\"/tmp/codetracer-evil.txt\"", "absolute name");
  }

  @Test
  void windowsAbsoluteName() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("C:/evil.txt", "evil");
    assertRefused(zip.write(work.resolve("drive.zip")), "\"C:/evil.txt\"", "absolute name");
  }

  @Test
  void dotDotName() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("source/../../evil.txt", "evil");
    assertRefused(zip.write(work.resolve("dotdot.zip")), "\"source/../../evil.txt\"", "'..'");
  }

  @Test
  void leadingDotDot() throws Exception {
    ZipBuilder zip = new ZipBuilder();
    zip.add("../evil.txt", "evil");
    zip.addFolder(valid);
    assertRefused(zip.write(work.resolve("dotdot2.zip")), "\"../evil.txt\"", "'..'");
  }

  @Test
  void backslashName() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("source\\..\\..\\evil.txt", "evil");
    assertRefused(zip.write(work.resolve("backslash.zip")), "backslash");
  }

  @Test
  void symbolicLinkEntry() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("source/passwd", "/etc/passwd").mode(ZipBuilder.SYMLINK_MODE);
    assertRefused(zip.write(work.resolve("symlink.zip")), "\"source/passwd\"", "symbolic link");
  }

  @Test
  void duplicateNames() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.json", "[]");
    assertRefused(zip.write(work.resolve("duplicate.zip")), "\"trace.json\"", "more than once");
  }

  @Test
  void duplicateAsFileAndFolder() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("source/w/src/Main.java/inner", "x");
    assertRefused(zip.write(work.resolve("fileandfolder.zip")), "\"source/w/src/Main.java\"", "both a file and a folder");
  }

  // --- sizes: bombs and lies

  @Test
  void compressionBombRefusedByTheDefaultRatio() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.bin", new byte[64 << 20]).deflated();
    assertRefused(zip.write(work.resolve("bomb.zip")), "\"trace.bin\"", "expands", "compression bomb", "--max-ratio");
  }

  @Test
  void expansionRatioIsConfigurable() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.bin", "0123456789abcdef".repeat(1 << 17)).deflated();
    Path archive = zip.write(work.resolve("ratio.zip"));
    assertRefused(archive, List.of("--max-ratio", "20"), "\"trace.bin\"", "limit 20", "compression bomb");
  }

  @Test
  void totalSizeIsCapped() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.bin", Sandbox.random(2 << 20, 5));
    Path archive = zip.write(work.resolve("total.zip"));
    assertRefused(archive, List.of("--max-size", "1000000"), "unpacks to more than the limit of 1000000 bytes");
  }

  @Test
  void entryHoldingMoreThanItsHeaderDeclares() throws Exception {
    ZipBuilder zip = validEntries();
    // a bomb in disguise: declares 1000 bytes, inflates to 32 MiB
    zip.add("trace.bin", new byte[32 << 20]).deflated().declaringSize(1000);
    assertRefused(zip.write(work.resolve("liar-more.zip")), "\"trace.bin\"", "more data than its header declares", "compression bomb");
  }

  @Test
  void entryHoldingLessThanItsHeaderDeclares() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.bin", Sandbox.random(1000, 9)).deflated().declaringSize(5000);
    assertRefused(zip.write(work.resolve("liar-less.zip")), "is corrupt", "\"trace.bin\"", "holds 1000 bytes but declares 5000");
  }

  // --- damaged archives

  @Test
  void truncatedArchive() throws Exception {
    Path zip = export("truncated.zip");
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(zip, "truncated.zip", "not a valid zip archive", "truncated or corrupt");
  }

  @Test
  void archiveMissingItsLastBytes() throws Exception {
    Path zip = export("cut.zip");
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(zip, Arrays.copyOf(bytes, bytes.length - 10));
    assertRefused(zip, "cut.zip", "not a valid zip archive");
  }

  @Test
  void notAZipAtAll() throws Exception {
    Path zip = Sandbox.write(work, "text.zip", "just some text, not a zip\n");
    assertRefused(zip, "text.zip", "not a valid zip archive");
  }

  @Test
  void anEmptyFile() throws Exception {
    Path zip = Sandbox.write(work, "nothing.zip", "");
    assertRefused(zip, "nothing.zip is empty, not a zip archive");
  }

  @Test
  void emptyArchive() throws Exception {
    Path zip = new ZipBuilder().write(work.resolve("empty.zip"));
    assertRefused(zip, "empty.zip", "is empty");
  }

  @Test
  void flippedByteInStoredData() throws Exception {
    Path zip = export("flip-stored.zip");
    flip(zip, dataOffset(zip, "trace.bin") + 1000);
    assertRefused(zip, "flip-stored.zip", "corrupt", "\"trace.bin\"", "checksum");
  }

  @Test
  void flippedByteInDeflatedData() throws Exception {
    ZipBuilder builder = validEntries();
    builder.add("source/big.txt", "line of a source file, fairly repetitive\n".repeat(5000)).deflated();
    Path zip = builder.write(work.resolve("flip-deflated.zip"));
    long offset = dataOffset(zip, "source/big.txt");
    flip(zip, offset + 40);
    assertRefused(zip, "flip-deflated.zip", "corrupt");
  }

  @Test
  void wrongChecksumInTheCentralDirectory() throws Exception {
    Path zip = export("flip-crc.zip");
    flip(zip, centralHeaderOffset(zip, "trace.json") + 16);
    assertRefused(zip, "flip-crc.zip", "corrupt", "\"trace.json\"", "checksum");
  }

  @Test
  void brokenSignatureInTheCentralDirectory() throws Exception {
    Path zip = export("flip-signature.zip");
    flip(zip, centralHeaderOffset(zip, "trace.json"));
    // the reader would stop at the damaged header and see only the entries before it
    assertRefused(zip, "flip-signature.zip", "is corrupt", "central directory lists 6 entries, but 3 can be read");
  }

  @Test
  void brokenSignatureOfTheLastEntryDoesNotLoseItSilently() throws Exception {
    ZipBuilder builder = validEntries();
    builder.add("zz/notes.txt", "the last entry");
    Path zip = builder.write(work.resolve("flip-last.zip"));
    flip(zip, centralHeaderOffset(zip, "zz/notes.txt"));
    assertRefused(zip, "flip-last.zip", "is corrupt", "but 5 can be read");
  }

  @Test
  void wrongLocalHeaderOffsetInTheCentralDirectory() throws Exception {
    Path zip = export("flip-offset.zip");
    flip(zip, centralHeaderOffset(zip, "trace.json") + 42);
    assertRefused(zip, "flip-offset.zip", "corrupt");
  }

  @Test
  void wrongCompressedSizeInTheCentralDirectory() throws Exception {
    Path zip = export("flip-csize.zip");
    flip(zip, centralHeaderOffset(zip, "trace.bin") + 21);
    assertRefused(zip, "flip-csize.zip", "corrupt");
  }

  // --- metadata

  @Test
  void noMetadata() throws Exception {
    Path zip = validEntries().remove("trace_metadata.json").write(work.resolve("nometa.zip"));
    assertRefused(zip, "nometa.zip", "is not a recording", "no trace_metadata.json");
  }

  @Test
  void metadataOnlyInsideATopLevelFolder() throws Exception {
    ZipBuilder zip = new ZipBuilder();
    try (var walk = Files.walk(valid)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        zip.add("trace-x/" + valid.relativize(file), Files.readAllBytes(file));
      }
    }
    assertRefused(zip.write(work.resolve("toplevel.zip")), "no trace_metadata.json at its top level");
  }

  @Test
  void metadataThatIsNotJson() throws Exception {
    ZipBuilder zip = validEntries().remove("trace_metadata.json");
    zip.add("trace_metadata.json", "{\"program\": \"/bin/app\", oops");
    assertRefused(zip.write(work.resolve("notjson.zip")), "trace_metadata.json is not valid JSON");
  }

  @Test
  void metadataWithWrongTypes() throws Exception {
    ZipBuilder zip = validEntries().remove("trace_metadata.json");
    zip.add("trace_metadata.json", "{\"program\":\"/bin/app\",\"args\":\"--n 3\",\"workdir\":\"/w\"}");
    assertRefused(zip.write(work.resolve("types.zip")), "trace_metadata.json", "\"args\" must be an array, not a string");
  }

  @Test
  void metadataWithUnknownFormatVersion() throws Exception {
    ZipBuilder zip = validEntries().remove("trace_metadata.json");
    zip.add("trace_metadata.json", "{\"format_version\":7,\"program\":\"/bin/app\",\"args\":[],\"workdir\":\"/w\"}");
    assertRefused(zip.write(work.resolve("version.zip")), "format_version 7", "upgrade codetracer");
  }

  @Test
  void metadataWithABadId() throws Exception {
    ZipBuilder zip = validEntries().remove("trace_metadata.json");
    zip.add("trace_metadata.json", "{\"recording_id\":\"../../x\",\"program\":\"/bin/app\",\"args\":[],\"workdir\":\"/w\"}");
    assertRefused(zip.write(work.resolve("badid.zip")), "\"recording_id\" is not a UUID");
  }

  @Test
  void recordingWithoutItsExecution() throws Exception {
    Path zip = validEntries().remove("trace.json").write(work.resolve("nopayload.zip"));
    assertRefused(zip, "nopayload.zip", "is not a valid recording", "holds no execution");
  }

  // --- targets and the machine

  @Test
  void targetThatExistsAndIsNotEmpty() throws Exception {
    Path zip = export("trace.zip");
    Sandbox.write(work, "target/precious.txt", "mine");
    assertRefused(zip, List.of(work.resolve("target").toString()), "already exists and is not empty", "--force");
    // the default target (the zip's path without .zip) too
    Sandbox.write(work, "trace/precious.txt", "mine");
    assertRefused(zip, List.of(), work.resolve("trace") + " already exists and is not empty");
  }

  @Test
  void targetThatIsAFile() throws Exception {
    Path zip = export("trace.zip");
    Sandbox.write(work, "target", "a file");
    assertRefused(zip, List.of(work.resolve("target").toString(), "--force"), "exists and is not a folder");
  }

  @Test
  void targetThatHoldsTheDataDirectory() throws Exception {
    Path zip = export("trace.zip");
    assertRefused(zip, List.of(sandbox.resolve("xdg").toString(), "--force"), "data directory");
  }

  @Test
  void archiveThatDoesNotExist() {
    assertRefused(work.resolve("missing.zip"), "missing.zip");
  }

  @Test
  void diskFullPartWay() throws Exception {
    ZipBuilder zip = validEntries();
    zip.add("trace.bin", Sandbox.random(6 << 20, 11));
    Path archive = zip.write(work.resolve("big.zip"));
    // every file the process writes is capped at 3 MiB: the 6 MiB entry fails part way
    CliProcess limited = CliProcess.in(sandbox).shellPrefix("ulimit -f 3072");
    assertRefused(limited, archive, List.of(work.resolve("target").toString()), "big.zip", "File too large", "nothing was imported");
  }

  @Test
  void unwritableDataDirectory() throws Exception {
    Path zip = export("trace.zip");
    Path file = Sandbox.write(sandbox, "home/a-file", "x");
    CliProcess cli = CliProcess.in(sandbox).env("XDG_DATA_HOME", file.resolve("xdg").toString());
    assertRefused(cli, zip, List.of(work.resolve("target").toString()), "data directory", file.toString());
  }

  @Test
  void unwritableDataDirectoryWithForceKeepsTheOldTarget() throws Exception {
    Path zip = export("trace.zip");
    Sandbox.recording(work.resolve("target"), OLD_ID, "/bin/old", null);
    Sandbox.write(work, "target/precious.txt", "mine");
    Path file = Sandbox.write(sandbox, "home/a-file", "x");
    CliProcess cli = CliProcess.in(sandbox).env("XDG_DATA_HOME", file.resolve("xdg").toString());
    assertRefused(cli, zip, List.of(work.resolve("target").toString(), "--force"), "data directory");
  }

  @Test
  void forceReplacesOnlyARecordingFolderAndNeverTheCurrentOne() throws Exception {
    Path zip = export("trace.zip");
    Sandbox.write(work, "mine/precious.txt", "mine");
    assertRefused(zip, List.of(work.resolve("mine").toString(), "--force"), "is not a recording folder", "--force replaces only a recording");
    Path current = Sandbox.recording(work.resolve("current"), OLD_ID, "/bin/old", null);
    Map<String, String> before = Sandbox.snapshot(sandbox);
    CliProcess.Result result = CliProcess.in(sandbox).workdir(current).run("import", zip.toString(), ".", "--force");
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.singleErrorLine()).contains(current + " is the current folder or holds it; choose another target");
    assertThat(Sandbox.snapshot(sandbox)).isEqualTo(before);
  }

  @Test
  void forceReplacesARecordingFolder() throws Exception {
    Path zip = export("trace.zip");
    Sandbox.recording(work.resolve("target"), OLD_ID, "/bin/old", null);
    Sandbox.write(work, "target/precious.txt", "mine");
    CliProcess.Result result = CliProcess.in(sandbox).workdir(work).run("import", zip.toString(), "target", "--force");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("imported recording " + ID + " into " + work.resolve("target"));
    assertThat(work.resolve("target/precious.txt")).doesNotExist();
    Sandbox.assertSameFiles(work.resolve("target"), work.resolve("to-export"));
    assertThat(Sandbox.snapshot(work).keySet()).noneMatch(n -> n.contains(".import-") || n.contains(".replaced-"));
  }

  // --- helpers for damaging archives

  static void flip(Path zip, long offset) throws Exception {
    try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
      file.seek(offset);
      int b = file.read();
      file.seek(offset);
      file.write(b ^ 0xFF);
    }
  }

  static long dataOffset(Path zip, String name) throws Exception {
    try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
      ZipArchiveEntry entry = file.getEntry(name);
      return entry.getDataOffset();
    }
  }

  /** Where the central directory header of the entry starts. */
  static long centralHeaderOffset(Path zip, String name) throws Exception {
    byte[] bytes = Files.readAllBytes(zip);
    byte[] wanted = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = bytes.length - 22; i >= 0; i--) {
      if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
        int nameLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
        if (nameLength == wanted.length && Arrays.equals(Arrays.copyOfRange(bytes, i + 46, i + 46 + nameLength), wanted)) {
          return i;
        }
      }
    }
    throw new AssertionError("no central directory header for " + name);
  }
}
