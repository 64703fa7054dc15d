package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads an event stream one event at a time, in constant memory, from {@code trace.json} or {@code
 * trace.bin}: any stream CodeTracer loads, whoever recorded it. A stream CodeTracer would reject
 * ends the iteration with an {@link InvalidTraceException} whose one-line message names the event
 * (0-based index and kind) and what is wrong with it. {@link TraceValidator} checks the rules
 * between events.
 *
 * <pre>{@code
 * try (TraceReader reader = TraceReader.open(folder.resolve("trace.json"))) {
 *   while (reader.hasNext()) {
 *     TraceEvent event = reader.next();
 *   }
 * }
 * }</pre>
 */
public final class TraceReader implements Iterator<TraceEvent>, Closeable {
  static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxStringLength(Integer.MAX_VALUE / 2)
      .maxNestingDepth(2_000)
      .build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final CBORFactory CBOR = CBORFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private final JsonParser parser;
  private final TraceFileFormat format;
  private final String source;
  private final TraceEventDecoder decoder;
  private final Closeable resources;
  private final EndTrackingInputStream input;

  private long index = -1;
  private TraceEvent lookahead;
  private boolean finished;

  private TraceReader(JsonParser parser, EndTrackingInputStream input, TraceFileFormat format, String source,
      Closeable resources) {
    this.parser = parser;
    this.input = input;
    this.format = format;
    this.source = source;
    this.decoder = new TraceEventDecoder(format == TraceFileFormat.BIN);
    this.resources = resources;
  }

  /** Opens a {@code trace.json} or {@code trace.bin}, telling them apart by their first bytes. */
  public static TraceReader open(Path file) {
    TraceFileFormat format = TraceFileFormat.detect(file);
    String source = file.toString();
    try {
      return format == TraceFileFormat.JSON ? openJson(file, source) : openBin(file, source);
    } catch (IOException e) {
      throw new InvalidTraceException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /** Reads a {@code trace.json} from a stream; {@code source} names it in error messages. */
  public static TraceReader fromJson(InputStream in, String source) {
    try {
      EndTrackingInputStream input = new EndTrackingInputStream(in);
      JsonParser parser = JSON.createParser(input);
      TraceReader reader = new TraceReader(parser, input, TraceFileFormat.JSON, source, in);
      reader.expectArrayStart();
      return reader;
    } catch (IOException e) {
      throw new InvalidTraceException(source + ": " + e.getMessage(), e);
    }
  }

  /** Reads the whole stream into a list: for small streams (tests, examples) only. */
  public static List<TraceEvent> readAll(Path file) {
    List<TraceEvent> events = new ArrayList<>();
    try (TraceReader reader = open(file)) {
      reader.forEachRemaining(events::add);
    }
    return events;
  }

  private static TraceReader openJson(Path file, String source) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return fromJson(in, source);
  }

  private static TraceReader openBin(Path file, String source) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      ByteBuffer header = ByteBuffer.allocate(BinTraceLayout.HEADER.length);
      channel.read(header, 0);
      if (!Arrays.equals(header.array(), BinTraceLayout.HEADER)) {
        throw new InvalidTraceException(source + " does not start with the trace.bin header C0 DE 72 AC E2 01 00 00");
      }
      SeekTable table = SeekTable.readFrom(channel, source);
      SeekableFrameInputStream body = new SeekableFrameInputStream(channel, table, source);
      EndTrackingInputStream input = new EndTrackingInputStream(body);
      JsonParser parser = CBOR.createParser(input);
      return new TraceReader(parser, input, TraceFileFormat.BIN, source, () -> {
        body.close();
        channel.close();
      });
    } catch (RuntimeException | IOException e) {
      channel.close();
      throw e;
    }
  }

  public TraceFileFormat format() {
    return format;
  }

  /** The 0-based index of the event {@link #next} returned last; -1 before the first. */
  public long eventIndex() {
    return index;
  }

  @Override
  public boolean hasNext() {
    if (lookahead == null && !finished) {
      lookahead = readNext();
      finished = lookahead == null;
    }
    return lookahead != null;
  }

  @Override
  public TraceEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the stream has no more events");
    }
    TraceEvent event = lookahead;
    lookahead = null;
    index++;
    return event;
  }

  private TraceEvent readNext() {
    long eventIndex = index + 1;
    boolean started = false;
    try {
      JsonToken token = parser.nextToken();
      if (token == null) {
        if (format == TraceFileFormat.JSON) {
          throw notClosed(eventIndex);
        }
        return null;
      }
      if (format == TraceFileFormat.JSON && token == JsonToken.END_ARRAY) {
        expectNothingAfterArray();
        return null;
      }
      started = true;
      return decoder.decode(parser);
    } catch (TraceEventDecoder.EventProblem e) {
      throw new InvalidTraceException(where(eventIndex, e.kind()) + e.getMessage(), e);
    } catch (JsonProcessingException e) {
      String kind = started ? decoder.kind() : null;
      if (input.isCut(e)) {
        if (!started && format == TraceFileFormat.JSON) {
          throw notClosed(eventIndex);
        }
        throw new InvalidTraceException(where(eventIndex, kind) + "the file ends inside this event"
            + " (was the recording killed? `codetracer repair` drops the partial event)", e);
      }
      throw new InvalidTraceException(where(eventIndex, kind) + "malformed "
          + (format == TraceFileFormat.JSON ? "JSON" : "CBOR") + " at byte " + e.getLocation().getByteOffset()
          + ": " + e.getOriginalMessage().replace('\n', ' '), e);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }

  private InvalidTraceException notClosed(long eventIndex) {
    return new InvalidTraceException(source + " ends after event " + (eventIndex - 1)
        + " without the closing ']' (was the recording killed? `codetracer repair` closes it)");
  }

  private String where(long eventIndex, String kind) {
    return source + ": event " + eventIndex + (kind == null ? "" : " (" + kind + ")") + ": ";
  }

  private void expectArrayStart() throws IOException {
    JsonToken first;
    try {
      first = parser.nextToken();
    } catch (JsonProcessingException e) {
      throw new InvalidTraceException(source + " is not a JSON array of events: " + e.getOriginalMessage(), e);
    }
    if (first != JsonToken.START_ARRAY) {
      throw new InvalidTraceException(source + (first == null ? " is empty" : " is not a JSON array of events")
          + (first == null ? " (the recorder wrote nothing; `codetracer repair` makes it an empty stream)" : ""));
    }
  }

  private void expectNothingAfterArray() throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new InvalidTraceException(source + ": unexpected content after the closing ']' at byte "
          + parser.currentTokenLocation().getByteOffset());
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
      resources.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
