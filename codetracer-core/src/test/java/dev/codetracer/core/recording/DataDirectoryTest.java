package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
  @Test
  void usesAnAbsoluteXdgDataHome() {
    DataDirectory dir = DataDirectory.fromEnvironment(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/home/u"), "/prop");
    assertThat(dir.root()).isEqualTo(Path.of("/x/data/codetracer"));
    assertThat(dir.indexFile()).isEqualTo(Path.of("/x/data/codetracer/trace_index.db"));
    assertThat(dir.recordingFolder("0190abcd-1234-7000-8000-000000000000"))
        .isEqualTo(Path.of("/x/data/codetracer/trace-0190abcd-1234-7000-8000-000000000000"));
  }

  @Test
  void ignoresARelativeOrEmptyXdgDataHome() {
    assertThat(DataDirectory.fromEnvironment(Map.of("XDG_DATA_HOME", "rel/data", "HOME", "/home/u"), "/prop").root())
        .isEqualTo(Path.of("/home/u/.local/share/codetracer"));
    assertThat(DataDirectory.fromEnvironment(Map.of("XDG_DATA_HOME", "", "HOME", "/home/u"), "/prop").root())
        .isEqualTo(Path.of("/home/u/.local/share/codetracer"));
  }

  @Test
  void fallsBackToHomeThenToTheUserHomeProperty() {
    assertThat(DataDirectory.fromEnvironment(Map.of("HOME", "/home/u"), "/prop").root())
        .isEqualTo(Path.of("/home/u/.local/share/codetracer"));
    assertThat(DataDirectory.fromEnvironment(Map.of(), "/prop").root())
        .isEqualTo(Path.of("/prop/.local/share/codetracer"));
    assertThatThrownBy(() -> DataDirectory.fromEnvironment(Map.of(), null))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageContaining("neither XDG_DATA_HOME nor HOME is set");
  }

  @Test
  void containsOnlyPathsStrictlyInsideIt() {
    DataDirectory dir = new DataDirectory(Path.of("/x/data/codetracer"));
    assertThat(dir.contains(Path.of("/x/data/codetracer/trace-1"))).isTrue();
    assertThat(dir.contains(Path.of("/x/data/codetracer/a/b"))).isTrue();
    assertThat(dir.contains(Path.of("/x/data/codetracer"))).isFalse();
    assertThat(dir.contains(Path.of("/x/data/codetracer/trace-1/../.."))).isFalse();
    assertThat(dir.contains(Path.of("/x/data/codetracer-other/trace-1"))).isFalse();
    assertThat(dir.contains(Path.of("/x/data"))).isFalse();
  }

  @Test
  void aFileWhereTheDataFolderOrAParentShouldBeIsAOneLineError(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    Path file = java.nio.file.Files.writeString(temp.resolve("file"), "x");
    assertThatThrownBy(() -> new DataDirectory(file.resolve("codetracer")).requireUsable())
        .isInstanceOf(CodeTracerException.class)
        .hasMessage("the data folder " + file.resolve("codetracer") + " cannot be made: " + file + " is a file (check XDG_DATA_HOME and HOME)");
    new DataDirectory(temp.resolve("not/yet/made")).requireUsable();
    new DataDirectory(temp).requireUsable();
  }
}
