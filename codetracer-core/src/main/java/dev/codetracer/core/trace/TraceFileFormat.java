package dev.codetracer.core.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The two files an event stream is stored in: {@code trace.json} and {@code trace.bin}. */
public enum TraceFileFormat {
  JSON("trace.json"),
  BIN("trace.bin");

  private final String fileName;

  TraceFileFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The name CodeTracer looks for in a recording folder. */
  public String fileName() {
    return fileName;
  }

  /**
   * The format of an existing file, from its first bytes: the binary header, or a JSON array. An
   * empty or partly written file falls back to its name ({@code .bin} or {@code .json}).
   */
  public static TraceFileFormat detect(Path file) {
    byte[] start = new byte[BinTraceLayout.HEADER.length];
    int read;
    try (InputStream in = Files.newInputStream(file)) {
      read = in.readNBytes(start, 0, start.length);
    } catch (IOException e) {
      throw new InvalidTraceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (read == start.length && Arrays.equals(start, BinTraceLayout.HEADER)) {
      return BIN;
    }
    if (read == start.length && BinTraceLayout.isCodeTracerMagic(start)) {
      throw new InvalidTraceException(
          file + " is a CodeTracer binary trace of version " + (start[5] & 0xff) + "; only version 1 is supported");
    }
    boolean onlyWhitespace = true;
    for (int i = 0; i < read && onlyWhitespace; i++) {
      if (start[i] == '[') {
        return JSON;
      }
      onlyWhitespace = Character.isWhitespace(start[i]);
    }
    TraceFileFormat byName = byName(file);
    boolean unfinishedJson = byName == JSON && onlyWhitespace;
    boolean unfinishedBin = byName == BIN && isHeaderPrefix(start, read);
    if (unfinishedJson || unfinishedBin) {
      return byName;
    }
    throw new InvalidTraceException(file + " is neither a trace.json (a JSON array) nor a trace.bin (header C0 DE 72 AC E2 01 00 00)");
  }

  /** The format a file name asks for ({@code *.bin} or {@code *.json}), or null. */
  public static TraceFileFormat byName(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".bin")) {
      return BIN;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    return null;
  }

  private static boolean isHeaderPrefix(byte[] bytes, int length) {
    return Arrays.equals(bytes, 0, length, BinTraceLayout.HEADER, 0, length);
  }
}
