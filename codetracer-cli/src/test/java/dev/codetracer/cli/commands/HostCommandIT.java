package dev.codetracer.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.core.recording.TracePathsFile;
import dev.codetracer.core.testing.DefaultSigint;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.JsonTraceWriter;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TypeKind;
import dev.codetracer.core.trace.TypeSpecificInfo;
import dev.codetracer.core.trace.ValueRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codetracer host} as a user runs it: the built jar in its own JVM prints the URL with
 * the token, answers over HTTP only with the token, and stops cleanly on Ctrl-C (SIGINT).
 */
class HostCommandIT {
  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/\\?token=\\S+)");

  @TempDir Path temp;

  @Test
  void servesARecordingWithATokenAndStopsOnCtrlC() throws Exception {
    Path folder = recording(temp.resolve("rec"));
    Process host = new ProcessBuilder(DefaultSigint.command(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("codetracer.jar"), "host", folder.toString(), "--port", "0", "--token", "auto")))
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .start();
    StringBuilder printed = new StringBuilder();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
      String url = null;
      for (String line = out.readLine(); line != null && url == null; line = out.readLine()) {
        printed.append(line).append('\n');
        Matcher matcher = URL.matcher(line);
        if (matcher.find()) {
          url = matcher.group(1);
        }
      }
      assertThat(url).as(printed.toString()).isNotNull();
      assertThat(printed).contains("indexing trace.json");
      HttpClient http = HttpClient.newHttpClient();
      String base = url.substring(0, url.indexOf("/?"));
      String token = url.substring(url.indexOf("token=") + 6);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/recording")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
      HttpResponse<String> recording = http.send(HttpRequest.newBuilder(URI.create(base + "/api/recording?token=" + token)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(recording.statusCode()).isEqualTo(200);
      assertThat(recording.body()).contains("\"steps\":2");

      assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(host.pid())).start().waitFor()).isZero();
      assertThat(host.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGINT").isTrue();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        printed.append(line).append('\n');
      }
      assertThat(printed).contains("codetracer host: stopped");
    } finally {
      host.destroyForcibly();
    }
  }

  private static Path recording(Path folder) throws Exception {
    Files.createDirectories(folder);
    try (JsonTraceWriter w = JsonTraceWriter.create(folder.resolve("trace.json"))) {
      w.write(new TraceEvent.Path("/w/Main.java"));
      w.write(new TraceEvent.Function(0, 1, "<toplevel>"));
      w.write(new TraceEvent.Call(0, List.of()));
      w.write(new TraceEvent.Type(TypeKind.NONE, "None", TypeSpecificInfo.NONE));
      w.write(new TraceEvent.Type(TypeKind.INT, "int", TypeSpecificInfo.NONE));
      w.write(new TraceEvent.Function(0, 2, "Main.main"));
      w.write(new TraceEvent.Step(0, 2));
      w.write(new TraceEvent.Call(1, List.of()));
      w.write(new TraceEvent.Step(0, 3));
      w.write(new TraceEvent.VariableName("x"));
      w.write(new TraceEvent.Value(0, new ValueRecord.Int(1, 1)));
      w.write(new TraceEvent.Log(EventLogKind.WRITE, "", "1\n"));
      w.write(new TraceEvent.Return(new ValueRecord.None(0)));
    }
    TracePathsFile.write(folder, List.of("/w/Main.java"));
    FunctionIndexFile.write(folder, List.of());
    TraceMetadata m = new TraceMetadata();
    m.formatVersion = TraceMetadata.FORMAT_VERSION;
    m.program = "java";
    m.workdir = "/w";
    TraceMetadataFile.write(folder, m);
    return folder;
  }
}
