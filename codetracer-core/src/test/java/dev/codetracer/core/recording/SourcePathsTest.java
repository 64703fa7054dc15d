package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourcePathsTest {
  @ParameterizedTest
  @CsvSource({
    "/home/u/p/src/A.java, source/home/u/p/src/A.java",
    "src/A.java, source/src/A.java",
    "./src/A.java, source/src/A.java",
    "/a//b/./C.java, source/a/b/C.java",
    "A.java, source/A.java"
  })
  void mapsAbsolutePathsUnderSourceAsIfItWereTheRootAndRelativePathsAsTheyAre(String path, String copy) {
    assertThat(SourcePaths.copyPath(path)).isEqualTo(copy);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../A.java", "src/../../A.java", "/a/../../etc/passwd", "a/.."})
  void refusesDotDot(String path) {
    assertThatThrownBy(() -> SourcePaths.copyPath(path))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'")
        .hasMessageContaining(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "./", "a\0b"})
  void refusesPathsThatNameNoFile(String path) {
    assertThatThrownBy(() -> SourcePaths.copyPath(path)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void copierCopiesIntoTheMappedPlacesAndReportsWhatItCouldNot(@TempDir Path temp) throws Exception {
    Path workdir = Files.createDirectories(temp.resolve("work"));
    Path absolute = TestRecordings.write(temp, "abs/B.java", "class B {}");
    TestRecordings.write(workdir, "src/A.java", "class A {}");
    Path recording = Files.createDirectories(temp.resolve("rec"));

    SourceCopier.Result result =
        SourceCopier.copy(List.of("src/A.java", absolute.toString(), "missing.java", "../escape.java"), workdir, recording);

    assertThat(result.copied()).containsExactly("src/A.java", absolute.toString());
    assertThat(result.missing()).hasSize(2);
    assertThat(result.missing().get(0)).isEqualTo("missing.java");
    assertThat(result.missing().get(1)).contains("'..'");
    assertThat(recording.resolve("source/src/A.java")).hasContent("class A {}");
    assertThat(recording.resolve("source" + absolute)).hasContent("class B {}");
    assertThat(TestRecordings.tree(temp)).doesNotContainKey("escape.java");
  }
}
