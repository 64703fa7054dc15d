package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StreamTextTest {
  private static final byte[] EURO = "€".getBytes(StandardCharsets.UTF_8);

  @Test
  void aCharacterSplitBetweenWritesComesWithTheWriteThatEndsIt() {
    StreamText text = new StreamText(StandardCharsets.UTF_8);
    assertThat(text.decode(new byte[] {'a', EURO[0]})).isEqualTo("a");
    assertThat(text.decode(new byte[] {EURO[1]})).isEmpty();
    assertThat(text.decode(new byte[] {EURO[2], 'b'})).isEqualTo("€b");
    assertThat(text.end()).isEmpty();
  }

  @Test
  void whatIsStillIncompleteAtTheEndBecomesOneReplacementCharacter() {
    StreamText text = new StreamText(StandardCharsets.UTF_8);
    assertThat(text.decode(Arrays.copyOf(EURO, 2))).isEmpty();
    assertThat(text.end()).isEqualTo("\uFFFD");
  }

  @Test
  void bytesThatAreNotTextBecomeReplacementCharactersAsNewStringHasThem() {
    byte[] bytes = {'a', (byte) 0xFF, 'b', (byte) 0xC3, 'c'};
    assertThat(new StreamText(StandardCharsets.UTF_8).decode(bytes)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void eachCharsetDecodesItsOwnBytes() {
    StreamText latin1 = new StreamText(StandardCharsets.ISO_8859_1);
    assertThat(latin1.decode("café".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("café");
    StreamText utf16 = new StreamText(StandardCharsets.UTF_16BE);
    byte[] euro = "€".getBytes(StandardCharsets.UTF_16BE);
    assertThat(utf16.decode(new byte[] {euro[0]})).isEmpty();
    assertThat(utf16.decode(new byte[] {euro[1]})).isEqualTo("€");
  }
}
