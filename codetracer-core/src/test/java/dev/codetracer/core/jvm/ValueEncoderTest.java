package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueEncoderTest {
  @Test
  void aLoneHalfOfASurrogatePairBecomesTheReplacementCharacterNotAQuestionMark() {
    assertThat(ValueEncoder.withoutLoneSurrogates("bad\uD800x")).isEqualTo("bad\uFFFDx");
    assertThat(ValueEncoder.withoutLoneSurrogates("x\uDE00")).isEqualTo("x\uFFFD");
    assertThat(ValueEncoder.withoutLoneSurrogates("\uD83D")).isEqualTo("\uFFFD");
    assertThat(ValueEncoder.withoutLoneSurrogates("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    String paired = "smile \uD83D\uDE00 ok?";
    assertThat(ValueEncoder.withoutLoneSurrogates(paired)).isSameAs(paired);
  }

  @Test
  void aStringIsWrittenAsUtf8WithItsLoneSurrogatesReplaced() {
    ValueEncoder encoder = new ValueEncoder(64);
    encoder.string("a\uD800?", 256);
    String bytes = new String(encoder.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bytes).endsWith("a\uFFFD?");
  }
}
