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

  @Test
  void textIsWrittenAsLengthPrefixedUtf8CutWhereTheEncoderIsTold() {
    assertThat(encodedString("plain ascii", 256)).isEqualTo(expectedString(11, "plain ascii"));
    assertThat(encodedString("abcdef", 4)).as("cut").isEqualTo(expectedString(6, "abcd"));
    assertThat(encodedString("caf\u00e9 ok", 256)).as("Latin-1, not ASCII").isEqualTo(expectedString(7, "caf\u00e9 ok"));
    assertThat(encodedString("ab\u00e9cd", 3)).as("cut after an ASCII start").isEqualTo(expectedString(5, "ab\u00e9"));
    assertThat(encodedString("smile \uD83D\uDE00", 256)).isEqualTo(expectedString(8, "smile \uD83D\uDE00"));
    assertThat(encodedString("ab\uD83D\uDE00", 3)).as("not cut inside a pair").isEqualTo(expectedString(4, "ab"));
    String longText = "x".repeat(70_000) + "\u00e9";
    assertThat(encodedString(longText, 100_000)).as("longer than the kept copy").isEqualTo(expectedString(longText.length(), longText));
    ValueEncoder encoder = new ValueEncoder(16);
    encoder.string("a long first text, then a short one", 256);
    encoder.reset();
    encoder.string("ok", 256);
    assertThat(encoder.toByteArray()).as("nothing of the text before").isEqualTo(expectedString(2, "ok"));
  }

  private static byte[] encodedString(String value, int maxChars) {
    ValueEncoder encoder = new ValueEncoder(16);
    encoder.string(value, maxChars);
    return encoder.toByteArray();
  }

  /** A STRING value of {@code total} characters showing {@code shown}, encoded by hand. */
  private static byte[] expectedString(int total, String shown) {
    byte[] utf8 = shown.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(ValueEncoder.STRING);
    writeVarint(out, total);
    writeVarint(out, utf8.length);
    out.writeBytes(utf8);
    return out.toByteArray();
  }

  private static void writeVarint(java.io.ByteArrayOutputStream out, int value) {
    while ((value & ~0x7F) != 0) {
      out.write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }
}
