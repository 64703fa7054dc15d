package dev.codetracer.viewer.testing;

import static dev.codetracer.viewer.testing.StreamScript.vars;

import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.BinTraceWriter;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.JsonTraceWriter;
import dev.codetracer.core.trace.TraceEventWriter;
import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.ValueRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A recording of any length: a main loop calling a recursive function, with strings, structs and
 * output along the way, ending in an uncaught exception. Used for the consistency tests (against
 * the core's TraceModel) and, at 10 million steps, for the benchmark.
 */
public final class LoopRecordings {
  public static final String PATH = "/work/loop/src/main/java/loop/Main.java";
  public static final String SOURCE = """
      package loop;

      public class Main {
        static int depth(int n) {
          int twice = n * 2;
          if (n == 0) return twice;
          return depth(n - 1) + twice;
        }

        public static void main(String[] args) {
          for (int i = 0; ; i++) {
            int d = depth(i % 5);
            Point p = new Point(i, d);
            if (i % 100 == 0) System.out.println("at " + i);
            if (i == LIMIT) throw new IllegalStateException("limit " + i);
          }
        }
      }
      """;

  private LoopRecordings() {}

  /**
   * Writes a recording of at least {@code steps} steps into {@code folder}.
   *
   * @param frameSize trace.bin frame size (ignored for trace.json)
   */
  public static Path write(Path folder, TraceFileFormat format, long steps, int frameSize) throws IOException {
    Files.createDirectories(folder);
    Path streamFile = folder.resolve(format.fileName());
    try (TraceEventWriter writer = format == TraceFileFormat.BIN
        ? BinTraceWriter.create(streamFile, frameSize, BinTraceWriter.DEFAULT_LEVEL)
        : JsonTraceWriter.create(streamFile)) {
      writeLoop(new StreamScript(writer, PATH), steps);
    }
    SampleRecordings.writeSource(folder, PATH, SOURCE);
    TracePathsFile.write(folder, List.of(PATH));
    FunctionIndexFile.write(folder, List.of());
    TraceMetadata m = new TraceMetadata();
    m.formatVersion = TraceMetadata.FORMAT_VERSION;
    m.recordingId = RecordingId.newId();
    m.program = "java";
    m.args = List.of("loop.Main");
    m.workdir = "/work/loop";
    m.backend = "jvm";
    m.language = "java";
    m.exitCode = 1;
    TraceMetadataFile.write(folder, m);
    return folder;
  }

  private static void writeLoop(StreamScript s, long steps) {
    long intType = s.type(TypeKind.INT, "int");
    long stringType = s.type(TypeKind.STRING, "java.lang.String");
    long argsType = s.type(TypeKind.SEQ, "java.lang.String[]");
    long pointType = s.structType("loop.Point", new java.util.LinkedHashMap<>(Map.of("x", intType)));
    long errorType = s.type(TypeKind.ERROR, "java.lang.IllegalStateException");
    ValueRecord args = new ValueRecord.Sequence(List.of(new ValueRecord.Str("--fast", stringType)), false, argsType);
    s.call("loop.Main.main", PATH, 10, vars("args", args));
    int i = 0;
    while (true) {
      ValueRecord iValue = new ValueRecord.Int(i, intType);
      s.step(11, vars("args", args, "i", iValue));
      int d = depth(s, i % 5, intType);
      ValueRecord dValue = new ValueRecord.Int(d, intType);
      s.step(12, vars("args", args, "i", iValue, "d", dValue));
      ValueRecord point = new ValueRecord.Struct(List.of(new ValueRecord.Int(i, intType)), pointType);
      s.step(13, vars("args", args, "i", iValue, "d", dValue, "p", point));
      s.step(14, vars("args", args, "i", iValue, "d", dValue, "p", point));
      if (i % 100 == 0) {
        s.output(EventLogKind.WRITE, "at " + i + "\n");
      }
      s.step(15, vars("args", args, "i", iValue, "d", dValue, "p", point));
      if (s.steps() >= steps) {
        s.output(EventLogKind.ERROR, "java.lang.IllegalStateException: limit " + i);
        s.ret(new ValueRecord.Error("java.lang.IllegalStateException: limit " + i, errorType));
        return;
      }
      i++;
    }
  }

  /** depth(n): lines 4 (entry), 5, 6, and 7 with the recursive call when n > 0. */
  private static int depth(StreamScript s, int n, long intType) {
    ValueRecord nValue = new ValueRecord.Int(n, intType);
    s.call("loop.Main.depth", PATH, 4, vars("n", nValue));
    ValueRecord twice = new ValueRecord.Int(n * 2L, intType);
    s.step(5, vars("n", nValue, "twice", twice));
    s.step(6, vars("n", nValue, "twice", twice));
    int result;
    if (n == 0) {
      result = 0;
    } else {
      s.step(7, vars("n", nValue, "twice", twice));
      result = depth(s, n - 1, intType) + n * 2;
    }
    s.ret(new ValueRecord.Int(result, intType));
    return result;
  }
}
