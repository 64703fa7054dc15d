package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources and function index of a real program compiled here with {@code gcc -g}, through the
 * parts that need no {@code rr record}: {@code rr explicit-sources} and {@code nm} on the binary.
 */
class SourcesAndFunctionIndexTest {
  private static final String HEADER =
      "#ifndef UTIL_H\n"
          + "#define UTIL_H\n"
          + "int add(int a, int b);\n"
          + "static inline int twice(int x) { return x * 2; }\n"
          + "#endif\n";
  private static final String UTIL =
      "#include \"util.h\"\n"
          + "\n"
          + "int add(int a, int b) {\n"
          + "  return a + b;\n"
          + "}\n";
  private static final String MAIN =
      "#include <stdio.h>\n"
          + "#include \"util.h\"\n"
          + "\n"
          + "static int helper(int n) {\n"
          + "  return add(n, twice(n));\n"
          + "}\n"
          + "\n"
          + "int main(void) {\n"
          + "  printf(\"%d\\n\", helper(2));\n"
          + "  return 0;\n"
          + "}\n";

  @TempDir Path tmp;

  private Path src;
  private Path binary;
  private RrExecutable rr;
  private Map<String, String> environment;

  @BeforeEach
  void build() throws Exception {
    Optional<Path> realRr = RrTestSupport.realRr();
    assumeThat(realRr).as("rr is not installed (.ci/run installs it)").isPresent();
    environment = cleanEnvironment();
    rr = RrLocator.locate(RrTestSupport.request(List.of("/bin/true"), tmp, tmp.resolve("unused"), environment, null));
  }

  private void compileC() throws Exception {
    Files.createDirectories(tmp.resolve("src"));
    src = tmp.resolve("src").toRealPath(); // gcc records the real path in the debug info
    NativeBuild.write(src, "util.h", HEADER);
    NativeBuild.write(src, "util.c", UTIL);
    NativeBuild.write(src, "main.c", MAIN);
    binary = NativeBuild.compile("gcc", src, "prog", "main.c", "util.c");
  }

  private TraceMetadata capture(Path folder, boolean systemSources) throws Exception {
    TraceMetadata metadata = new TraceMetadata();
    List<String> sources = RrSources.ofBinaries(rr, List.of(binary), environment);
    SourceAndSymbolCapture.capture(folder, sources, binary, tmp, systemSources, metadata);
    return metadata;
  }

  /** {@code source/} + the absolute path without its leading slash, as the seed maps it. */
  private String copyOf(Path file) {
    return file.toString().substring(1);
  }

  @Test
  void withoutSystemSourcesExactlyTheProgramsThreeFilesAreCopied() throws Exception {
    compileC();
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    TraceMetadata metadata = capture(folder, false);

    assertThat(RrTestSupport.filesUnder(folder.resolve("source")))
        .containsExactlyInAnyOrder(copyOf(src.resolve("main.c")), copyOf(src.resolve("util.c")), copyOf(src.resolve("util.h")));
    assertThat(folder.resolve("source").resolve(copyOf(src.resolve("util.c")))).hasContent(UTIL);
    assertThat(metadata.extra()).doesNotContainKey(SourceAndSymbolCapture.SOURCES_MISSING);
    assertThat((Integer) metadata.extra().get(SourceAndSymbolCapture.SYSTEM_SOURCES_LEFT_OUT)).isPositive();
    assertThat(metadata.language).isEqualTo("c");
    assertThat(metadata.compiler).contains("GCC");
  }

  @Test
  void withSystemSourcesTheHeadersTheDebugInfoNamesAreCopiedToo() throws Exception {
    compileC();
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    capture(folder, true);

    Set<String> copied = RrTestSupport.filesUnder(folder.resolve("source"));
    assertThat(copied)
        .contains(copyOf(src.resolve("main.c")), copyOf(src.resolve("util.c")), copyOf(src.resolve("util.h")), "usr/include/stdio.h");
    Set<String> others =
        copied.stream().filter(path -> !path.startsWith(copyOf(src))).map(path -> "/" + path).collect(Collectors.toSet());
    assertThat(others).isNotEmpty().allMatch(SystemSources::isSystem, "is a system header");
  }

  @Test
  void theFunctionIndexHasTheProgramsFunctionsWithTheirFilesAndLines() throws Exception {
    compileC();
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    capture(folder, false);

    List<FunctionIndexEntry> index = FunctionIndexFile.read(folder);
    assertThat(index)
        .contains(
            new FunctionIndexEntry("main", "main", src.resolve("main.c").toString(), NativeBuild.lineOf(MAIN, "int main("), true),
            new FunctionIndexEntry("helper", "helper", src.resolve("main.c").toString(), NativeBuild.lineOf(MAIN, "static int helper("), true),
            new FunctionIndexEntry("add", "add", src.resolve("util.c").toString(), NativeBuild.lineOf(UTIL, "int add("), true),
            new FunctionIndexEntry("twice", "twice", src.resolve("util.h").toString(), NativeBuild.lineOf(HEADER, "static inline int twice("), true));
    assertThat(index).extracting(FunctionIndexEntry::name).doesNotContain("data_start", "printf");
    assertThat(index).filteredOn(entry -> entry.path().startsWith(src.toString())).hasSize(4);
  }

  @Test
  void aSourceFileThatIsGoneIsListedAndTheRestIsCopied() throws Exception {
    compileC();
    Files.delete(src.resolve("util.h"));
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    TraceMetadata metadata = capture(folder, false);

    assertThat(RrTestSupport.filesUnder(folder.resolve("source")))
        .containsExactlyInAnyOrder(copyOf(src.resolve("main.c")), copyOf(src.resolve("util.c")));
    assertThat(metadata.extra().get(SourceAndSymbolCapture.SOURCES_MISSING)).isEqualTo(List.of(src.resolve("util.h").toString()));
    assertThat(FunctionIndexFile.read(folder))
        .filteredOn(entry -> entry.name().equals("twice"))
        .singleElement()
        .satisfies(entry -> assertThat(entry.inSourcemap()).isFalse());
  }

  @Test
  void cPlusPlusFunctionsGetTheirQualifiedNameAndFullSignature() throws Exception {
    Optional<Path> gxx = NativeBuild.compiler("g++");
    if (gxx.isEmpty()) {
      System.out.println("SKIPPED: g++ is not installed (apt-get install g++)");
    }
    assumeThat(gxx).as("g++ is not installed (apt-get install g++)").isPresent();
    Files.createDirectories(tmp.resolve("src"));
    src = tmp.resolve("src").toRealPath();
    String program =
        "namespace shop {\n"
            + "struct Cart {\n"
            + "  int items;\n"
            + "  int count() const { return items; }\n"
            + "  bool operator<(const Cart& other) const { return items < other.items; }\n"
            + "};\n"
            + "template <typename T> T twice(T x) { return x + x; }\n"
            + "}\n"
            + "namespace {\n"
            + "int hidden(const char* s) { return s[0]; }\n"
            + "}\n"
            + "int main() {\n"
            + "  shop::Cart a{1}, b{2};\n"
            + "  return shop::twice(a.count()) + (a < b) + hidden(\"x\");\n"
            + "}\n";
    NativeBuild.write(src, "cart.cc", program);
    binary = NativeBuild.compile("g++", src, "cart", "cart.cc");
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    TraceMetadata metadata = capture(folder, false);

    String file = src.resolve("cart.cc").toString();
    assertThat(FunctionIndexFile.read(folder))
        .contains(
            new FunctionIndexEntry("shop::Cart::count", "shop::Cart::count() const", file, NativeBuild.lineOf(program, "int count()"), true),
            new FunctionIndexEntry(
                "shop::Cart::operator<", "shop::Cart::operator<(shop::Cart const&) const", file, NativeBuild.lineOf(program, "operator<"), true),
            new FunctionIndexEntry("shop::twice<int>", "int shop::twice<int>(int)", file, NativeBuild.lineOf(program, "template"), true),
            new FunctionIndexEntry(
                "(anonymous namespace)::hidden", "(anonymous namespace)::hidden(char const*)", file, NativeBuild.lineOf(program, "int hidden("), true),
            new FunctionIndexEntry("main", "main", file, NativeBuild.lineOf(program, "int main()"), true));
    assertThat(metadata.language).isEqualTo("c++");
  }

  @Test
  void aStrippedBinaryGivesAnEmptyIndexFileNotAnError() throws Exception {
    compileC();
    ToolRun.Result strip = ToolRun.run(List.of("strip", binary.toString()), null, src, null);
    assertThat(strip.exitCode()).as(strip.stderr()).isZero();
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    TraceMetadata metadata = capture(folder, false);

    assertThat(folder.resolve(FunctionIndexFile.NAME)).exists();
    assertThat(FunctionIndexFile.read(folder)).isEmpty();
    assertThat(metadata.extra()).doesNotContainKey(SourceAndSymbolCapture.FUNCTION_INDEX_ERROR);
    assertThat(RrTestSupport.filesUnder(folder.resolve("source"))).as("no debug info, no sources").isEmpty();
  }
}
