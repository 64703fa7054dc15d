package dev.codetracer.core.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Closes a {@code trace.json} whose writer stopped early: keeps every complete event, drops what
 * follows the last one (a partial event, a dangling comma), and closes the array.
 */
final class JsonTraceRepair {
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(TraceReader.CONSTRAINTS).build();
  private static final byte[] CLOSING = "\n]\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY_ARRAY = "[\n]\n".getBytes(StandardCharsets.US_ASCII);

  private JsonTraceRepair() {}

  static RepairReport repair(Path file) throws IOException {
    long size = Files.size(file);
    long keptEnd;
    long events = 0;
    try (EndTrackingInputStream in = new EndTrackingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        JsonParser parser = JSON.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        rewrite(file, EMPTY_ARRAY);
        return new RepairReport(TraceFileFormat.JSON, true, 0, size, "the file held no events; wrote an empty array");
      }
      if (first != JsonToken.START_ARRAY) {
        throw new InvalidTraceException(file + " is not a JSON array of events; not repaired");
      }
      keptEnd = parser.currentLocation().getByteOffset();
      try {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.END_ARRAY) {
            if (parser.nextToken() != null) {
              throw new InvalidTraceException(file + " has content after its closing ']' at byte "
                  + parser.currentTokenLocation().getByteOffset() + "; not repaired");
            }
            return new RepairReport(TraceFileFormat.JSON, false, events, 0, "already complete; nothing changed");
          }
          parser.skipChildren();
          parser.finishToken();
          keptEnd = parser.currentLocation().getByteOffset();
          events++;
        }
      } catch (JsonProcessingException e) {
        if (!in.isCut(e)) {
          throw new InvalidTraceException(file + " is damaged at byte " + e.getLocation().getByteOffset()
            + " after event " + (events - 1) + " (not a cut-short file; not repaired): "
            + e.getOriginalMessage().replace('\n', ' '), e);
        }
        // the writer stopped inside an event: everything after the last complete one goes
      }
    }
    boolean partialEvent = tailHoldsData(file, keptEnd);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(keptEnd);
      writeFully(channel, ByteBuffer.wrap(CLOSING), keptEnd);
      channel.force(false);
    }
    String action = partialEvent ? "dropped a partial last event and closed the array" : "closed the array";
    return new RepairReport(TraceFileFormat.JSON, true, events, size - keptEnd, action);
  }

  /** Whether anything but whitespace and commas follows the last complete event. */
  private static boolean tailHoldsData(Path file, long from) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      in.skipNBytes(from);
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != ',' && !Character.isWhitespace(b)) {
          return true;
        }
      }
      return false;
    }
  }

  private static void rewrite(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(0);
      writeFully(channel, ByteBuffer.wrap(content), 0);
      channel.force(false);
    }
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }
}
