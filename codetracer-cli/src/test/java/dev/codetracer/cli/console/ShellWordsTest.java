package dev.codetracer.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void argumentsWithSpacesOrQuotesAreQuotedAsAShellTakesThemBack() {
    assertThat(ShellWords.join(List.of("java", "-jar", "app.jar", "x y", "z", "", "it's", "$HOME", "a=b,c")))
        .isEqualTo("java -jar app.jar 'x y' z '' 'it'\\''s' '$HOME' a=b,c");
  }
}
