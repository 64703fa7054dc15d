package dev.codetracer.core.jvm;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a change log record by record. A record cut short (the agent was killed while writing it)
 * ends the log: {@link #wasCut()} tells.
 */
public final class RawLogReader implements Closeable {
  /** One record. */
  public sealed interface Record {}

  public record Definitions(List<RawDefinition> definitions) implements Record {}

  /**
   * @param values the encoded values of the REF and OUTPUT events, in order
   */
  public record Events(long[] events, byte[] values) implements Record {}

  public record End() implements Record {}

  private final DataInputStream in;
  private boolean cut;
  private boolean ended;

  public RawLogReader(Path file) throws IOException {
    this(file, Files.newInputStream(file));
  }

  /** Reads the log of {@code file} from {@code input} (named {@code file} in messages), which it closes. */
  public RawLogReader(Path file, java.io.InputStream input) throws IOException {
    in = new DataInputStream(new BufferedInputStream(input, 1 << 16));
    byte[] magic = new byte[RawLog.MAGIC.length];
    try {
      in.readFully(magic);
    } catch (EOFException e) {
      cut = true;
      ended = true;
      return;
    }
    if (!Arrays.equals(magic, RawLog.MAGIC)) {
      in.close();
      String found = new String(magic, StandardCharsets.US_ASCII);
      String expected = new String(RawLog.MAGIC, StandardCharsets.US_ASCII);
      if (found.startsWith(expected.substring(0, expected.length() - 2))) {
        throw new IOException(file + " was written by another version of the JVM recorder (format " + found
            + "; this codetracer reads " + expected + "): finish it with the codetracer of that agent's version");
      }
      throw new IOException(file + " is not a codetracer change log");
    }
  }

  /** The next record, or null at the end of the log. */
  public Record next() throws IOException {
    if (ended) {
      return null;
    }
    int kind = in.read();
    if (kind < 0) {
      cut = true;
      ended = true;
      return null;
    }
    byte[] payload;
    try {
      int length = in.readInt();
      if (length < 0) {
        throw new EOFException();
      }
      payload = in.readNBytes(length);
      if (payload.length < length) {
        throw new EOFException();
      }
    } catch (EOFException e) {
      cut = true;
      ended = true;
      return null;
    }
    switch (kind) {
      case RawLog.DEFINITIONS:
        return new Definitions(DefinitionCodec.read(payload));
      case RawLog.EVENTS:
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int count = buffer.getInt();
        int encoded = buffer.getInt();
        long[] events = EventCodec.decode(payload, 8, encoded, count);
        return new Events(events, Arrays.copyOfRange(payload, 8 + encoded, payload.length));
      case RawLog.RAW_EVENTS: {
        ByteBuffer raw = ByteBuffer.wrap(payload);
        int rawCount = raw.getInt();
        long[] rawEvents = new long[rawCount];
        raw.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(rawEvents);
        return new Events(rawEvents, Arrays.copyOfRange(payload, 4 + 8 * rawCount, payload.length));
      }
      case RawLog.END:
        ended = true;
        return new End();
      default:
        throw new IOException("unknown record kind " + kind + " in the change log");
    }
  }

  /** True when the log ended in a record cut short, or without its END record. */
  public boolean wasCut() {
    return cut;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
