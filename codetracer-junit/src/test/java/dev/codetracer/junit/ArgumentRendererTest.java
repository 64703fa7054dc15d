package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ArgumentRendererTest {
  enum Size { SMALL }

  static final class Exploding {
    @Override
    public String toString() {
      throw new IllegalStateException("user code must not run");
    }
  }

  @Test
  void rendersJdkValuesAndNamesEverythingElseByItsType() {
    List<Object> arguments =
        Arrays.asList(1, 2.5, true, 'c', "text", null, Size.SMALL, new BigDecimal("1.10"), LocalDate.of(2026, 1, 2), new int[3], new Exploding(), new java.util.ArrayList<>(List.of(1)));
    assertThat(ArgumentRenderer.render(arguments))
        .isEqualTo("(1, 2.5, true, 'c', \"text\", null, SMALL, 1.10, 2026-01-02, int[3], Exploding, ArrayList)");
    assertThat(ArgumentRenderer.render("x".repeat(100))).hasSize(ArgumentRenderer.MAX_STRING + 5).endsWith("...\"");
  }

  @Test
  void aRepeatedTestIsNamedByItsRepetition() {
    RepetitionInfo second = (RepetitionInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RepetitionInfo.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getCurrentRepetition" -> 2;
          case "getTotalRepetitions" -> 3;
          default -> throw new UnsupportedOperationException(method.getName());
        });
    assertThat(ArgumentRenderer.render(List.of(second), "repetition 2 of 3")).isEqualTo("(repetition 2 of 3)");
    assertThat(ArgumentRenderer.render(List.of(), "repetition 2 of 3")).as("without RepetitionInfo").isEqualTo("(repetition 2 of 3)");
    assertThat(ArgumentRenderer.render(List.of(7), "[1] 7")).isEqualTo("(7)");
  }
}
