package dev.codetracer.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.core.recording.TraceMetadataFile;
import dev.codetracer.junit.support.TestJvms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The extension inside this very JVM (started by Surefire, its class path behind Surefire's booter
 * jar), run through EngineTestKit: the rerun JVM it starts must get this JVM's class path and
 * system properties, and the outcomes must be those of a run without the extension.
 */
class RerunFromThisJvmTest {
  @TempDir Path temp;

  private EngineExecutionResults run(Path output, boolean enabled) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass("sample.FlakySample"))
        .configurationParameter("codetracer.enabled", Boolean.toString(enabled))
        .configurationParameter("codetracer.output", output.toString())
        .configurationParameter("codetracer.agent.jar", TestJvms.agentJar().toString())
        .configurationParameter("codetracer.index", "false")
        .execute();
  }

  @Test
  void failedTestsAreRecordedInAJvmWithThisClassPathAndSystemProperties() throws IOException {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String marker = "sample.marker";
    try {
      System.setProperty(marker, temp.resolve("unrecorded-marker").toString());
      EngineExecutionResults unrecorded = run(temp.resolve("off"), false);

      // Set at run time, as Surefire sets its systemPropertyVariables: the rerun JVM must see it.
      System.setProperty(marker, temp.resolve("marker").toString());
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      EngineExecutionResults recorded = run(temp.resolve("on"), true);
      System.setOut(originalOut);

      assertThat(failures(recorded)).isEqualTo(failures(unrecorded)).hasSize(2);
      recorded.testEvents().assertStatistics(stats -> stats.started(2).failed(2).succeeded(0));
    } finally {
      System.setOut(originalOut);
      System.clearProperty(marker);
    }

    Map<String, TraceMetadata> byTest;
    try (Stream<Path> folders = Files.list(temp.resolve("on"))) {
      byTest =
          folders
              .filter(Files::isDirectory)
              .filter(folder -> !folder.getFileName().toString().startsWith("."))
              .map(TraceMetadataFile::read)
              .collect(Collectors.toMap(metadata -> metadata.testId, metadata -> metadata));
    }
    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(byTest.keySet()).as(output).containsExactlyInAnyOrder(SampleIds.FAILS_FIRST_TIME, SampleIds.FAILS_ALWAYS);
    assertThat(byTest.get(SampleIds.FAILS_FIRST_TIME).reproduced).isFalse();
    assertThat(byTest.get(SampleIds.FAILS_ALWAYS).reproduced).isTrue();
    assertThat(output.lines().filter(line -> line.startsWith("codetracer: ")).collect(Collectors.toList())).hasSize(2);
  }

  private static List<String> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getPayload)
        .map(payload -> payload.map(Object::toString).orElse(""))
        .sorted()
        .collect(Collectors.toList());
  }
}
