package dev.codetracer.viewer.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.record.Recorders;
import dev.codetracer.core.record.RecordingSession;
import dev.codetracer.core.record.TraceFormat;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.server.ServerOptions;
import dev.codetracer.viewer.server.ViewerServer;
import dev.codetracer.viewer.testing.ViewerClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real Java program with a bug, recorded by the JVM recorder (the agent jar built by
 * codetracer-agent), opened in the viewer: the failure is the uncaught AssertionError, and
 * stepping back from it reaches the line that computed the wrong value, with its variables.
 */
class RecordedJavaProgramTest {
  private static final String PROGRAM = """
      package shop;

      public class Shop {
        static int discounted(int price, int percent) {
          int discount = price * percent / 100;
          int result = discount;
          return result;
        }

        public static void main(String[] args) {
          int total = discounted(100, 10);
          System.out.println("total = " + total);
          if (total != 90) {
            throw new AssertionError("expected: <90> but was: <" + total + ">");
          }
        }
      }
      """;
  private static final int LINE_RETURN_RESULT = 7;
  private static final int LINE_CALL = 11;
  private static final int LINE_THROW = 14;

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(TraceFormat.class)
  void aRecordedFailureLeadsBackToTheWrongValue(TraceFormat format) throws Exception {
    String agent = System.getProperty("codetracer.agent.jar", "");
    if (!agent.endsWith(".jar") || !Files.isRegularFile(Path.of(agent))) {
      System.err.println("SKIPPED: no built agent jar (\"" + agent + "\"): run through `mvn verify` so codetracer-agent is packaged");
      Assumptions.abort("no built agent jar: run through mvn verify so that codetracer-agent is packaged");
    }
    Path source = temp.resolve("src/main/java/shop/Shop.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, PROGRAM);
    Path classes = temp.resolve("target/classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-g", "-d", classes.toString(), source.toString())).isZero();

    Path folder = temp.resolve("recording");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    RecordingSession session = new RecordingSession(
        Recorders.installed(), new LocalRecordings(new DataDirectory(temp.resolve("data"))), ProgressListener.NONE);
    RecordingSession.Result result = session.record(List.of(java, "-cp", classes.toString(), "shop.Shop"), temp,
        System.getenv(), new RecordingSession.Options("jvm", folder, null, null, format, null, false, null, false));
    assertThat(result.exit().exitCode()).isNotZero();

    try (RecordingViewer viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT);
        ViewerServer server = ViewerServer.start(viewer, ServerOptions.loopback(0), System.err)) {
      ViewerClient client = new ViewerClient(server.port());
      JsonNode recording = client.get("/api/recording").json();
      assertThat(recording.has("stream_error")).as(recording.toString()).isFalse();
      assertThat(recording.path("stream").path("failure_step").asInt()).as("the run ended in an Error event").isPositive();

      int failure = client.get("/api/nav?from=0&move=failure").json().path("step").asInt();
      JsonNode atFailure = client.get("/api/step?n=" + failure).json();
      assertThat(atFailure.path("path").asText()).endsWith("Shop.java");
      assertThat(atFailure.path("line").asInt()).isEqualTo(LINE_THROW);
      assertThat(variables(atFailure)).contains("total=10");
      JsonNode output = client.get("/api/output").json().path("entries");
      assertThat(output.toString()).contains("total = 10").contains("AssertionError");

      String path = atFailure.path("path").asText();
      int wrong = client.get("/api/nav?from=" + failure + "&move=line-back&path="
          + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&line=" + LINE_RETURN_RESULT).json().path("step").asInt();
      assertThat(wrong).isLessThan(failure);
      JsonNode atWrong = client.get("/api/step?n=" + wrong).json();
      assertThat(atWrong.path("line").asInt()).isEqualTo(LINE_RETURN_RESULT);
      assertThat(atWrong.path("function").asText()).contains("discounted");
      assertThat(variables(atWrong)).contains("price=100", "percent=10", "discount=10", "result=10");
      assertThat(client.get("/api/source?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)).json()
          .path("text").asText()).isEqualTo(PROGRAM);
      assertThat(client.get("/api/nav?from=" + wrong + "&move=out").json().path("location").path("function").asText())
          .contains("main");
      JsonNode atCall = client.get("/api/step?n=" + firstStepAt(client, LINE_CALL, failure)).json();
      assertThat(atCall.path("function").asText()).endsWith("main");
      assertThat(variables(atCall)).as("the arguments of the call it makes are the callee's").containsExactly("args=[]");
    }
  }

  private static int firstStepAt(ViewerClient client, int line, int before) throws Exception {
    for (int step = 0; step < before; step++) {
      if (client.get("/api/step?n=" + step).json().path("line").asInt() == line) {
        return step;
      }
    }
    throw new AssertionError("no step at line " + line);
  }

  private static List<String> variables(JsonNode step) {
    List<String> names = new ArrayList<>();
    for (JsonNode v : step.path("variables")) {
      names.add(v.path("name").asText() + "=" + v.path("summary").asText());
    }
    return names;
  }
}
