package dev.codetracer.viewer.server;

import static dev.codetracer.viewer.testing.SampleRecordings.MAIN_PATH;
import static dev.codetracer.viewer.testing.SampleRecordings.TEST_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.testing.SampleRecordings;
import dev.codetracer.viewer.testing.ViewerClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint over real HTTP, against the sample failing test. Its 17 steps: 0 test:9, 1 test:10,
 * 2 test:11, 3 total:10, 4 :11, 5 :12, 6 :13 (price 40), 7 :12, 8 :13 (price 60), 9 :12, 10 :15,
 * 11 discounted:4, 12 :5, 13 :6, 14 :7, 15 test:12, 16 test:13 (the failed assertion).
 */
class ViewerHttpTest {
  @TempDir Path temp;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private ViewerClient serve(Path folder, ServerOptions options) {
    RecordingViewer viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT);
    open.add(viewer);
    ViewerServer server = ViewerServer.start(viewer, options, new PrintStream(log, true, StandardCharsets.UTF_8));
    open.add(server);
    return new ViewerClient(server.port());
  }

  private ViewerClient sample(TraceFileFormat format) throws Exception {
    return serve(SampleRecordings.failingTest(temp.resolve("sample-" + format), format), ServerOptions.loopback(0));
  }

  private static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void recordingShowsTheTestAndItsFailure(TraceFileFormat format) throws Exception {
    JsonNode r = sample(format).get("/api/recording").json();
    assertThat(r.path("kind").asText()).isEqualTo("trace");
    assertThat(r.path("test").path("name").asText()).isEqualTo("PriceCalculatorTest.totalAppliesTheDiscount");
    assertThat(r.path("test").path("outcome").asText()).isEqualTo("failed");
    assertThat(r.path("failure").path("message").asText()).isEqualTo(SampleRecordings.FAILURE_MESSAGE);
    assertThat(r.path("failure").path("stack").asText()).contains("PriceCalculatorTest.java:13");
    assertThat(r.path("stream").path("steps").asInt()).isEqualTo(17);
    assertThat(r.path("stream").path("calls").asInt()).isEqualTo(4);
    assertThat(r.path("stream").path("failure_step").asInt()).isEqualTo(16);
    assertThat(r.path("stream").path("file").asText()).isEqualTo(format.fileName());
    assertThat(r.has("stream_error")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void stepShowsLocationVariablesAndStack(TraceFileFormat format) throws Exception {
    ViewerClient client = sample(format);
    JsonNode step = client.get("/api/step?n=14").json();
    assertThat(step.path("path").asText()).isEqualTo(MAIN_PATH);
    assertThat(step.path("line").asInt()).isEqualTo(SampleRecordings.LINE_RETURN_RESULT);
    assertThat(step.path("function").asText()).isEqualTo("shop.PriceCalculator.discounted");
    assertThat(variables(step)).containsExactly("price=100", "percent=10", "discount=10", "result=10");
    assertThat(step.path("returned").path("summary").asText()).isEqualTo("10");
    assertThat(StreamSupport.stream(step.path("stack").spliterator(), false).map(f -> f.path("function").asText() + ":" + f.path("line").asText("-")))
        .containsExactly("shop.PriceCalculator.discounted:7", "shop.PriceCalculator.total:15",
            "shop.PriceCalculatorTest.totalAppliesTheDiscount:11", "<toplevel>:-");

    JsonNode entry = client.get("/api/step?n=11").json();
    assertThat(variables(entry)).as("a call's arguments belong to its first step").containsExactly("price=100", "percent=10");
    assertThat(variables(client.get("/api/step?n=10").json()))
        .as("not to the line that makes the call, whose own variables the stream writes just before them")
        .containsExactly("prices=[40, 60]", "percent=10", "sum=100");
    assertThat(variables(client.get("/api/step?n=2").json())).containsExactly("calculator=PriceCalculator{}");

    JsonNode structured = client.get("/api/step?n=4").json().path("variables").get(0);
    assertThat(structured.path("name").asText()).isEqualTo("prices");
    assertThat(structured.path("type").asText()).isEqualTo("int[]");
    assertThat(structured.path("children").get(1).path("name").asText()).isEqualTo("[1]");
    assertThat(structured.path("children").get(1).path("summary").asText()).isEqualTo("60");
    assertThat(client.get("/api/step?n=17").status()).isEqualTo(404);
    assertThat(client.get("/api/step?n=abc").status()).isEqualTo(400);
    assertThat(client.get("/api/step").status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void aCallMadeAfterAnotherOnTheSameLineHasThatLineAsItsCaller(TraceFileFormat format) throws Exception {
    ViewerClient client = serve(SampleRecordings.twoCallsOnALine(temp.resolve("two-" + format), format), ServerOptions.loopback(0));
    JsonNode second = client.get("/api/step?n=16").json();
    assertThat(second.path("function").asText()).isEqualTo("shop.PriceCalculator.discounted");
    assertThat(StreamSupport.stream(second.path("stack").spliterator(), false)
            .map(f -> f.path("function").asText() + ":" + f.path("step").asText("-") + ":" + f.path("line").asText("-")))
        .as("total at the step of its line 15, not at the first discounted call's last step")
        .containsExactly("shop.PriceCalculator.discounted:16:5", "shop.PriceCalculator.total:10:15",
            "shop.PriceCalculatorTest.totalAppliesTheDiscount:2:11", "<toplevel>:-:-");
    assertThat(nav(client, 16, "out-back")).as("to the line that made the call").isEqualTo(10);
    assertThat(nav(client, 12, "out-back")).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void navigationMovesInBothDirections(TraceFileFormat format) throws Exception {
    ViewerClient client = sample(format);
    assertThat(nav(client, 16, "failure")).isEqualTo(16);
    assertThat(nav(client, 0, "failure")).isEqualTo(16);
    assertThat(nav(client, 16, "back")).isEqualTo(15);
    assertThat(nav(client, 15, "back")).isEqualTo(14);
    assertThat(nav(client, 2, "forward")).isEqualTo(3);
    assertThat(nav(client, 2, "over")).as("over the call of total").isEqualTo(15);
    assertThat(nav(client, 15, "over-back")).as("back over the call of total").isEqualTo(2);
    assertThat(nav(client, 10, "over")).as("over discounted, out of total").isEqualTo(15);
    assertThat(nav(client, 13, "out")).isEqualTo(15);
    assertThat(nav(client, 13, "out-back")).as("to the line that called discounted").isEqualTo(10);
    assertThat(nav(client, 8, "line-back")).as("the loop body's previous visit").isEqualTo(6);
    assertThat(nav(client, 6, "line-forward")).isEqualTo(8);
    assertThat(nav(client, 16, "start")).isEqualTo(0);
    assertThat(nav(client, 0, "end")).isEqualTo(16);
    assertThat(nav(client, 16, "line-back&path=" + q(MAIN_PATH) + "&line=" + SampleRecordings.LINE_WRONG_RESULT)).isEqualTo(13);
    assertThat(nav(client, 0, "line-forward&path=" + q(MAIN_PATH) + "&line=" + SampleRecordings.LINE_WRONG_RESULT)).isEqualTo(13);

    JsonNode stay = client.get("/api/nav?from=16&move=line-back").json();
    assertThat(stay.path("moved").asBoolean()).isFalse();
    assertThat(stay.path("note").asText()).contains("not at this line before");
    assertThat(client.get("/api/nav?from=16&move=sideways").status()).isEqualTo(400);
    JsonNode never = client.get("/api/nav?from=3&move=line-back&path=" + q(MAIN_PATH) + "&line=99").json();
    assertThat(never.path("step").asInt()).isEqualTo(3);
    assertThat(never.path("note").asText()).contains("never executes");
  }

  @ParameterizedTest
  @EnumSource(TraceFileFormat.class)
  void callTreeIsServedALevelAtATime(TraceFileFormat format) throws Exception {
    ViewerClient client = sample(format);
    JsonNode roots = client.get("/api/calls").json();
    assertThat(roots.path("calls")).hasSize(1);
    assertThat(roots.path("calls").get(0).path("function").asText()).isEqualTo("<toplevel>");
    JsonNode test = client.get("/api/calls?parent=0").json().path("calls").get(0);
    assertThat(test.path("function").asText()).isEqualTo("shop.PriceCalculatorTest.totalAppliesTheDiscount");
    assertThat(test.path("return").path("summary").asText()).contains("AssertionFailedError");
    JsonNode total = client.get("/api/calls?parent=" + test.path("id").asInt()).json().path("calls").get(0);
    assertThat(total.path("function").asText()).isEqualTo("shop.PriceCalculator.total");
    assertThat(total.path("args").get(0).path("summary").asText()).isEqualTo("[40, 60]");
    assertThat(total.path("args").get(1).path("summary").asText()).isEqualTo("10");
    assertThat(total.path("return").path("summary").asText()).isEqualTo("10");
    assertThat(total.path("first_step").asInt()).isEqualTo(3);
    assertThat(total.path("last_step").asInt()).isEqualTo(14);
    JsonNode discounted = client.get("/api/call?id=3").json();
    assertThat(discounted.path("function").asText()).isEqualTo("shop.PriceCalculator.discounted");
    assertThat(discounted.path("children").asInt()).isZero();
    JsonNode paged = client.get("/api/calls?parent=0&after=1&limit=5").json();
    assertThat(paged.path("calls")).isEmpty();
    assertThat(paged.path("more").asBoolean()).isFalse();
    assertThat(client.get("/api/call?id=4").status()).isEqualTo(404);
    assertThat(client.get("/api/calls?parent=-7").status()).isEqualTo(404);
  }

  @Test
  void outputTimelineStepsAndSources() throws Exception {
    ViewerClient client = sample(TraceFileFormat.JSON);
    JsonNode output = client.get("/api/output").json();
    assertThat(output.path("total").asInt()).isEqualTo(2);
    assertThat(output.path("entries").get(0).path("text").asText()).isEqualTo("total = 10\n");
    assertThat(output.path("entries").get(0).path("stream").asText()).isEqualTo("stdout");
    assertThat(output.path("entries").get(0).path("step").asInt()).isEqualTo(15);
    assertThat(output.path("entries").get(1).path("stream").asText()).isEqualTo("error");
    assertThat(output.path("entries").get(1).path("step").asInt()).isEqualTo(16);
    assertThat(client.get("/api/output?step=16").json().path("from").asInt()).isEqualTo(1);

    JsonNode timeline = client.get("/api/timeline?buckets=17").json();
    assertThat(timeline.path("max_depth")).hasSize(17);
    assertThat(timeline.path("max_depth").get(12).asInt()).isEqualTo(3);
    assertThat(timeline.path("min_depth").get(0).asInt()).isEqualTo(1);
    int calls = 0;
    for (JsonNode n : timeline.path("calls")) {
      calls += n.asInt();
    }
    assertThat(calls).isEqualTo(3);
    assertThat(client.get("/api/timeline?buckets=4&from=3&to=15").json().path("steps_per_bucket").asInt()).isEqualTo(3);

    JsonNode window = client.get("/api/steps?from=10&count=3").json();
    assertThat(window.path("total").asInt()).isEqualTo(17);
    assertThat(window.path("steps")).hasSize(3);
    assertThat(window.path("steps").get(1).path("function").asText()).isEqualTo("shop.PriceCalculator.discounted");
    assertThat(window.path("steps").get(1).path("line").asInt()).isEqualTo(4);

    JsonNode source = client.get("/api/source?path=" + q(MAIN_PATH)).json();
    assertThat(source.path("text").asText()).isEqualTo(SampleRecordings.MAIN_SOURCE);
    assertThat(client.get("/api/source?path=" + q("source" + TEST_PATH)).json().path("text").asText())
        .isEqualTo(SampleRecordings.TEST_SOURCE);
    assertThat(client.get("/api/sources").json().path("files").toString()).contains("PriceCalculator.java");
    assertThat(client.get("/api/functions?filter=.discounted").json().path("functions").get(0).path("name").asText())
        .isEqualTo("shop.PriceCalculator.discounted");
  }

  @Test
  void pageAndItsFilesAreServedWithStrictHeaders() throws Exception {
    ViewerClient client = sample(TraceFileFormat.JSON);
    ViewerClient.Answer page = client.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"viewer.js\"");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(client.get("/viewer.js").header("Content-Type")).startsWith("text/javascript");
    assertThat(client.get("/viewer.css").status()).isEqualTo(200);
    assertThat(client.get("/api/nothing").status()).isEqualTo(404);
    assertThat(client.get("/api/nothing").json().path("error").asText()).contains("no such endpoint");
    ViewerClient.Answer post = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/recording"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build());
    assertThat(post.status()).isEqualTo(405);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/source?path=/../../../../etc/passwd",
      "/api/source?path=..%2F..%2F..%2Fetc%2Fpasswd",
      "/api/source?path=%2e%2e%2f%2e%2e%2ftrace_metadata.json",
      "/api/source?path=source%2F..%2Ftrace_metadata.json",
      "/api/source?path=source/%2e%2e/trace.json",
      "/api/source?path=/etc/passwd",
      "/api/source?path=trace_metadata.json",
      "/api/source?path=%00",
      "/api/source?path=source/escape/passwd",
      "/api/source?path=source/outside.java",
      "/../pom.xml",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/viewer.js/../../../etc/passwd",
      "/trace.json",
      "/source/home/dev/shop/src/main/java/shop/PriceCalculator.java",
      "/.codetracer-viewer/current/index.json",
  })
  void traversalAttemptsAreNotFound(String attempt) throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), TraceFileFormat.JSON);
    Path outside = Files.writeString(temp.resolve("secret.java"), "secret");
    Files.createSymbolicLink(folder.resolve("source/outside.java"), outside);
    Files.createSymbolicLink(folder.resolve("source/escape"), Path.of("/etc"));
    ViewerClient client = serve(folder, ServerOptions.loopback(0));
    ViewerClient.Answer answer = client.get(attempt);
    assertThat(answer.status()).as(attempt).isEqualTo(404);
    assertThat(answer.body()).doesNotContain("root:").doesNotContain("secret").doesNotContain("recording_id");
  }

  @Test
  void aTokenIsRequiredWhenGiven() throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), TraceFileFormat.JSON);
    ViewerClient client = serve(folder, ServerOptions.loopback(0).withToken("s3cret-token"));
    assertThat(client.get("/").status()).isEqualTo(401);
    assertThat(client.get("/api/recording").status()).isEqualTo(401);
    assertThat(client.get("/api/recording?token=wrong").status()).isEqualTo(401);
    assertThat(client.get("/api/recording", "X-CodeTracer-Token", "wrong").status()).isEqualTo(401);
    ViewerClient.Answer page = client.get("/?token=s3cret-token");
    assertThat(page.status()).isEqualTo(200);
    String cookie = page.header("Set-Cookie");
    assertThat(cookie).contains("s3cret-token").contains("HttpOnly").contains("SameSite=Strict");
    assertThat(client.get("/viewer.js", "Cookie", cookie.substring(0, cookie.indexOf(';'))).status()).isEqualTo(200);
    assertThat(client.get("/api/recording", "X-CodeTracer-Token", "s3cret-token").status()).isEqualTo(200);
    assertThat(client.get("/api/step?n=0&token=s3cret-token").status()).isEqualTo(200);
  }

  @Test
  void onlyLocalhostHostHeadersAreAnswered() throws Exception {
    ViewerClient client = sample(TraceFileFormat.JSON);
    int port = Integer.parseInt(client.base().substring(client.base().lastIndexOf(':') + 1));
    assertThat(ViewerClient.rawStatusLine(port, "GET /api/recording HTTP/1.1\r\nHost: attacker.example:" + port)).contains("403");
    assertThat(ViewerClient.rawStatusLine(port, "GET /api/recording HTTP/1.1\r\nHost: localhost:" + port)).contains("200");
    assertThat(ViewerClient.rawStatusLine(port, "GET /api/recording HTTP/1.1\r\nHost: [::1]:" + port)).contains("200");
  }

  @Test
  void aMalformedStreamGivesAClearErrorAndTheServerKeepsServing() throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), TraceFileFormat.JSON);
    Path stream = folder.resolve("trace.json");
    List<String> lines = new ArrayList<>(Files.readAllLines(stream));
    int broken = lines.size() / 2;
    lines.set(broken, "{\"Step\":{\"path_id\":\"seven\",\"line\":1}},");
    Files.write(stream, lines);
    ViewerClient client = serve(folder, ServerOptions.loopback(0));

    JsonNode recording = client.get("/api/recording").json();
    assertThat(recording.path("stream_error").asText()).contains("trace.json").contains("path_id must be a non-negative integer");
    int steps = recording.path("stream").path("steps").asInt();
    assertThat(steps).as("the steps before the broken event are kept").isBetween(1, 16);
    assertThat(client.get("/api/step?n=0").status()).isEqualTo(200);
    ViewerClient.Answer beyond = client.get("/api/step?n=" + steps);
    assertThat(beyond.status()).isEqualTo(404);
    assertThat(client.get("/").status()).isEqualTo(200);
    assertThat(client.get("/api/source?path=" + q(MAIN_PATH)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"this is not JSON", "", "[{\"Step\":{\"path_id\":0,\"line\":1}}]"})
  void aStreamWithNoUsableStepsAnswersWithItsError(String content) throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), TraceFileFormat.JSON);
    Files.writeString(folder.resolve("trace.json"), content);
    ViewerClient client = serve(folder, ServerOptions.loopback(0));
    JsonNode recording = client.get("/api/recording").json();
    assertThat(recording.path("stream_error").asText()).isNotBlank();
    ViewerClient.Answer step = client.get("/api/step?n=0");
    assertThat(step.status()).isEqualTo(409);
    assertThat(step.json().path("error").asText()).isEqualTo(recording.path("stream_error").asText());
    assertThat(client.get("/api/recording").status()).as("still serving").isEqualTo(200);
    assertThat(client.get("/").status()).isEqualTo(200);
    assertThat(log.toString()).isEmpty();
  }

  @Test
  void aTruncatedTraceBinIsReported() throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("sample"), TraceFileFormat.BIN);
    Path stream = folder.resolve("trace.bin");
    byte[] bytes = Files.readAllBytes(stream);
    Files.write(stream, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    ViewerClient client = serve(folder, ServerOptions.loopback(0));
    assertThat(client.get("/api/recording").json().path("stream_error").asText()).contains("seek table");
    assertThat(client.get("/api/step?n=0").status()).isEqualTo(409);
  }

  /**
   * A recording as CodeTracer's other recorders leave it: sources under {@code files/}, metadata
   * with only program, args and workdir, no paths file and no function index.
   */
  @Test
  void aRecordingOfAnotherCodeTracerRecorderOpensAsOurs() throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("other recorder"), TraceFileFormat.JSON);
    Files.move(folder.resolve("source"), folder.resolve("files"));
    Files.delete(folder.resolve("trace_paths.json"));
    Files.delete(folder.resolve("function_index.json"));
    Files.writeString(folder.resolve("trace_metadata.json"),
        "{\"program\":\"/home/dev/shop/run\",\"args\":[\"--fast\"],\"workdir\":\"/home/dev/shop\"}");

    ViewerClient client = serve(folder, ServerOptions.loopback(0));
    JsonNode recording = client.get("/api/recording").json();
    assertThat(recording.path("program").asText()).as(recording.toString()).isEqualTo("/home/dev/shop/run");
    assertThat(client.get("/api/step?n=0").status()).isEqualTo(200);
    int failure = nav(client, 0, "failure");
    JsonNode step = client.get("/api/step?n=" + failure).json();
    assertThat(step.path("path").asText()).as(step.toString()).isEqualTo(TEST_PATH);
    assertThat(client.get("/api/source?path=" + q(MAIN_PATH)).json().path("text").asText())
        .isEqualTo(SampleRecordings.MAIN_SOURCE);
    assertThat(client.get("/api/sources").json().path("files").toString()).contains("files/home/dev/shop");
  }

  @Test
  void anRrRecordingShowsItsSourcesFunctionsAndReplayCommand() throws Exception {
    Path folder = SampleRecordings.failingTest(temp.resolve("rr recording"), TraceFileFormat.JSON);
    Files.delete(folder.resolve("trace.json"));
    Files.createDirectories(folder.resolve("rr"));
    Files.writeString(folder.resolve("rr/version"), "85\n");
    ViewerClient client = serve(folder, ServerOptions.loopback(0));
    JsonNode recording = client.get("/api/recording").json();
    assertThat(recording.path("kind").asText()).isEqualTo("rr");
    assertThat(recording.path("rr_replay_command").asText()).isEqualTo("rr replay '" + folder.resolve("rr") + "'");
    assertThat(client.get("/api/functions").json().path("total").asInt()).isEqualTo(3);
    assertThat(client.get("/api/sources").json().path("files")).hasSize(2);
    assertThat(client.get("/api/source?path=" + q(MAIN_PATH)).status()).isEqualTo(200);
    ViewerClient.Answer step = client.get("/api/step?n=0");
    assertThat(step.status()).isEqualTo(404);
    assertThat(step.json().path("error").asText()).contains("rr");
  }

  private static int nav(ViewerClient client, int from, String move) {
    ViewerClient.Answer answer = client.get("/api/nav?from=" + from + "&move=" + move);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("step").asInt();
  }

  private static List<String> variables(JsonNode step) {
    List<String> names = new ArrayList<>();
    for (JsonNode v : step.path("variables")) {
      names.add(v.path("name").asText() + "=" + v.path("summary").asText());
    }
    return names;
  }
}
