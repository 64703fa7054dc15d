package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import org.junit.jupiter.api.Test;

class RrSourcesTest {
  @Test
  void joinsEachRootWithItsRelativePathsAndKeepsAbsoluteOnes() {
    String json =
        "{\"relevant_binaries\":[\"/w/prog\"],"
            + "\"files\":{\"/w/repo\":[\"src/main.c\",\"src/util.h\"],\"/w/other/\":[\"a.c\"],\"\":[\"/usr/include/stdio.h\",\"/w/repo/src/main.c\"]},"
            + "\"comp_dir_substitutions\":{}}";

    assertThat(RrSources.parse(json))
        .containsExactly("/w/repo/src/main.c", "/w/repo/src/util.h", "/w/other/a.c", "/usr/include/stdio.h");
  }

  @Test
  void outputThatIsNotASourceListIsAOneLineError() {
    assertThatThrownBy(() -> RrSources.parse("rr: cannot open trace"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageStartingWith("rr printed a source list that is not a JSON object")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> RrSources.parse("{\"relevant_binaries\":[]}"))
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("rr printed no source list (no \"files\" object)");
  }
}
