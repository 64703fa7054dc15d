package dev.codetracer.core.jvm;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The text of one output stream, decoded write by write in the stream's charset: the bytes of a
 * character that a write leaves incomplete wait for the next write of the stream (a program that
 * copies bytes in pieces, as {@code transferTo} does, splits characters), and become U+FFFD only
 * if the recording ends first. Bytes that are not text become U+FFFD, as {@code new String} has
 * them.
 */
final class StreamText {
  private final CharsetDecoder decoder;
  private byte[] incomplete = new byte[0];

  StreamText(Charset charset) {
    decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** The text a write completes: its characters, after those the previous writes left incomplete. */
  String decode(byte[] bytes) {
    ByteBuffer in;
    if (incomplete.length == 0) {
      in = ByteBuffer.wrap(bytes);
    } else {
      in = ByteBuffer.allocate(incomplete.length + bytes.length).put(incomplete).put(bytes).flip();
    }
    String text = decode(in, false);
    incomplete = new byte[in.remaining()];
    in.get(incomplete);
    return text;
  }

  /** The end of the recording: what is still incomplete, as U+FFFD (empty when nothing is). */
  String end() {
    String text = decode(ByteBuffer.wrap(incomplete), true);
    incomplete = new byte[0];
    decoder.reset();
    return text;
  }

  private String decode(ByteBuffer in, boolean endOfInput) {
    CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 2);
    while (decoder.decode(in, out, endOfInput).isOverflow()) {
      out = grown(out);
    }
    if (endOfInput) {
      while (decoder.flush(out).isOverflow()) {
        out = grown(out);
      }
    }
    return out.flip().toString();
  }

  private static CharBuffer grown(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(2 * out.capacity() + 16);
    return bigger.put(out.flip());
  }
}
