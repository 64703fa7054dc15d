package dev.codetracer.core.jvm;

import java.nio.charset.StandardCharsets;

/**
 * The agent's change log on disk ({@value #FILE_NAME} in the recording folder while it is being
 * made): an 8-byte magic, then records {@code kind:byte length:int payload}. A record is written
 * whole or, after a SIGKILL, cut at the end, where the reader stops.
 *
 * <ul>
 *   <li>{@link #DEFINITIONS}: a JSON array of {@link RawDefinition}s
 *   <li>{@link #EVENTS}: {@code count:int} (longs of {@link RawEvents}), {@code encoded:int}, the
 *       events compactly encoded ({@link EventCodec}), then the values the REF and OUTPUT events
 *       refer to, in order ({@link ValueEncoder}; an OUTPUT's bytes are {@code length:varint
 *       bytes})
 *   <li>{@link #RAW_EVENTS}: the same, the events as they are ({@code count} little-endian longs,
 *       as the machines the JVM mostly runs on hold them: copied without a byte swap): what the
 *       writer thread writes when chunks arrive faster than it can encode them
 *   <li>{@link #END}: the agent finished the log (absent after a SIGKILL)
 * </ul>
 */
public final class RawLog {
  public static final String FILE_NAME = dev.codetracer.core.recording.RecordingFolder.CHANGE_LOG;
  // 04: values may be SPLICEs (ValueEncoder); 05: RAW_EVENTS' longs are little-endian
  public static final byte[] MAGIC = "CTJRAW05".getBytes(StandardCharsets.US_ASCII);

  public static final byte DEFINITIONS = 'D';
  public static final byte EVENTS = 'E';
  public static final byte RAW_EVENTS = 'R';
  public static final byte END = 'Z';

  private RawLog() {}
}
