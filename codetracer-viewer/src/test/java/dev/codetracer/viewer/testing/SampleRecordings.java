package dev.codetracer.viewer.testing;

import static dev.codetracer.viewer.testing.StreamScript.vars;

import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.recording.RecordingId;
import dev.codetracer.core.recording.SourcePaths;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.trace.BinTraceWriter;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.JsonTraceWriter;
import dev.codetracer.core.trace.TraceEventWriter;
import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.core.trace.TraceValidator;
import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.ValueRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Recordings for the tests, written with the core's stream writers: a failing JUnit test whose
 * wrong value is computed two calls down ({@link #failingTest}), as the JVM recorder records one.
 */
public final class SampleRecordings {
  public static final String TEST_PATH = "/home/dev/shop/src/test/java/shop/PriceCalculatorTest.java";
  public static final String MAIN_PATH = "/home/dev/shop/src/main/java/shop/PriceCalculator.java";
  public static final String FAILURE_MESSAGE = "expected: <90> but was: <10>";

  public static final String MAIN_SOURCE = """
      package shop;

      public class PriceCalculator {
        public int discounted(int price, int percent) {
          int discount = price * percent / 100;
          int result = discount;
          return result;
        }

        public int total(int[] prices, int percent) {
          int sum = 0;
          for (int price : prices) {
            sum += price;
          }
          return discounted(sum, percent);
        }
      }
      """;

  public static final String TEST_SOURCE = """
      package shop;

      import static org.junit.jupiter.api.Assertions.assertEquals;

      import org.junit.jupiter.api.Test;

      class PriceCalculatorTest {
        @Test
        void totalAppliesTheDiscount() {
          PriceCalculator calculator = new PriceCalculator();
          int total = calculator.total(new int[] {40, 60}, 10);
          System.out.println("total = " + total);
          assertEquals(90, total);
        }
      }
      """;

  /** Line numbers of the sample's sources the tests look for. */
  public static final int LINE_ASSERT = 13;
  public static final int LINE_PRINT = 12;
  public static final int LINE_WRONG_RESULT = 6;
  public static final int LINE_RETURN_RESULT = 7;
  public static final int LINE_LOOP_BODY = 13;

  private SampleRecordings() {}

  /** The failing test's recording in {@code folder}, its stream in the given format. */
  public static Path failingTest(Path folder, TraceFileFormat format) throws IOException {
    return failingTest(folder, format, BinTraceWriter.DEFAULT_FRAME_SIZE);
  }

  /** With {@code trace.bin} frames of {@code frameSize} bytes: small ones make events cross frames. */
  public static Path failingTest(Path folder, TraceFileFormat format, int frameSize) throws IOException {
    return write(folder, format, frameSize, SampleRecordings::writeFailingTest);
  }

  /**
   * The same program, but for {@code total}'s last line, which calls {@code discounted} twice
   * ({@code discounted(discounted(sum, percent), percent)}): steps 11 to 14 are the first call's,
   * 15 to 18 the second's, both made at step 10.
   */
  public static Path twoCallsOnALine(Path folder, TraceFileFormat format) throws IOException {
    return write(folder, format, BinTraceWriter.DEFAULT_FRAME_SIZE, script -> {
      BeforeTheDiscount before = beforeTheDiscount(script);
      ValueRecord one = new ValueRecord.Int(1, script.type(TypeKind.INT, "int"));
      discounted(script, before.hundred(), before.ten(), before.ten());
      discounted(script, before.ten(), before.ten(), one);
      script.ret(one);
      script.ret(one);
    });
  }

  private static Path write(Path folder, TraceFileFormat format, int frameSize, java.util.function.Consumer<StreamScript> script)
      throws IOException {
    Files.createDirectories(folder);
    Path streamFile = folder.resolve(format.fileName());
    try (TraceEventWriter writer = format == TraceFileFormat.BIN
        ? BinTraceWriter.create(streamFile, frameSize, BinTraceWriter.DEFAULT_LEVEL)
        : JsonTraceWriter.create(streamFile)) {
      script.accept(new StreamScript(writer, TEST_PATH));
    }
    TraceValidator.validate(streamFile);
    writeSource(folder, TEST_PATH, TEST_SOURCE);
    writeSource(folder, MAIN_PATH, MAIN_SOURCE);
    TracePathsFile.write(folder, List.of(TEST_PATH, MAIN_PATH));
    FunctionIndexFile.write(folder, List.of(
        new FunctionIndexEntry("shop.PriceCalculatorTest.totalAppliesTheDiscount", "()V", TEST_PATH, 9, true),
        new FunctionIndexEntry("shop.PriceCalculator.total", "([II)I", MAIN_PATH, 10, true),
        new FunctionIndexEntry("shop.PriceCalculator.discounted", "(II)I", MAIN_PATH, 4, true)));
    TraceMetadataFile.write(folder, metadata());
    RecordingFolder.open(folder);
    return folder;
  }

  /** Values the script uses again after {@link #beforeTheDiscount}. */
  private record BeforeTheDiscount(ValueRecord ten, ValueRecord hundred, ValueRecord calculator) {}

  /** The test up to {@code total}'s last line, which calls {@code discounted}. */
  private static BeforeTheDiscount beforeTheDiscount(StreamScript s) {
    long intType = s.type(TypeKind.INT, "int");
    long arrayType = s.type(TypeKind.SEQ, "int[]");
    long calculatorType = s.structType("shop.PriceCalculator", Map.of());
    ValueRecord calculator = new ValueRecord.Struct(List.of(), calculatorType);
    ValueRecord prices = new ValueRecord.Sequence(List.of(new ValueRecord.Int(40, intType), new ValueRecord.Int(60, intType)), false, arrayType);
    ValueRecord ten = new ValueRecord.Int(10, intType);
    s.call("shop.PriceCalculatorTest.totalAppliesTheDiscount", TEST_PATH, 9, Map.of());
    s.step(10, vars());
    s.step(11, vars("calculator", calculator));
    s.call("shop.PriceCalculator.total", MAIN_PATH, 10, vars("prices", prices, "percent", ten));
    s.step(11, vars("prices", prices, "percent", ten));
    int sum = 0;
    for (int price : new int[] {40, 60}) {
      s.step(12, vars("prices", prices, "percent", ten, "sum", new ValueRecord.Int(sum, intType)));
      s.step(13, vars("prices", prices, "percent", ten, "sum", new ValueRecord.Int(sum, intType),
          "price", new ValueRecord.Int(price, intType)));
      sum += price;
    }
    s.step(12, vars("prices", prices, "percent", ten, "sum", new ValueRecord.Int(sum, intType)));
    s.step(15, vars("prices", prices, "percent", ten, "sum", new ValueRecord.Int(sum, intType)));
    return new BeforeTheDiscount(ten, new ValueRecord.Int(100, intType), calculator);
  }

  private static void discounted(StreamScript s, ValueRecord price, ValueRecord percent, ValueRecord result) {
    s.call("shop.PriceCalculator.discounted", MAIN_PATH, 4, vars("price", price, "percent", percent));
    s.step(5, vars("price", price, "percent", percent));
    s.step(6, vars("price", price, "percent", percent, "discount", result));
    s.step(7, vars("price", price, "percent", percent, "discount", result, "result", result));
    s.ret(result);
  }

  private static void writeFailingTest(StreamScript s) {
    long errorType = s.type(TypeKind.ERROR, "org.opentest4j.AssertionFailedError");
    BeforeTheDiscount before = beforeTheDiscount(s);
    discounted(s, before.hundred(), before.ten(), before.ten());
    s.ret(before.ten());

    s.step(12, vars("calculator", before.calculator(), "total", before.ten()));
    s.output(EventLogKind.WRITE, "total = 10\n");
    s.step(13, vars("calculator", before.calculator(), "total", before.ten()));
    s.output(EventLogKind.ERROR, "org.opentest4j.AssertionFailedError: " + FAILURE_MESSAGE);
    s.ret(new ValueRecord.Error("org.opentest4j.AssertionFailedError: " + FAILURE_MESSAGE, errorType));
  }

  private static TraceMetadata metadata() {
    TraceMetadata m = new TraceMetadata();
    m.formatVersion = TraceMetadata.FORMAT_VERSION;
    m.recordingId = RecordingId.newId();
    m.program = "java";
    m.args = List.of("-cp", "target/classes:target/test-classes", "shop.PriceCalculatorTest");
    m.workdir = "/home/dev/shop";
    m.backend = "jvm";
    m.language = "java";
    m.startTime = "2026-01-15T10:00:00.000Z";
    m.durationMs = 42L;
    m.exitCode = 1;
    m.testId = "[engine:junit-jupiter]/[class:shop.PriceCalculatorTest]/[method:totalAppliesTheDiscount()]";
    m.testName = "totalAppliesTheDiscount()";
    m.testClass = "shop.PriceCalculatorTest";
    m.testMethod = "totalAppliesTheDiscount";
    m.testOutcome = "failed";
    m.failureType = "org.opentest4j.AssertionFailedError";
    m.failureMessage = FAILURE_MESSAGE;
    m.failureStack = "org.opentest4j.AssertionFailedError: " + FAILURE_MESSAGE + "\n"
        + "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)\n"
        + "\tat shop.PriceCalculatorTest.totalAppliesTheDiscount(PriceCalculatorTest.java:13)\n";
    return m;
  }

  public static void writeSource(Path folder, String recordedPath, String text) throws IOException {
    Path copy = folder.resolve(SourcePaths.copyPath(recordedPath));
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, text);
  }
}
