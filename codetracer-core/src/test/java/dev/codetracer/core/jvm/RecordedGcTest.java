package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedGcTest {
  @TempDir Path workdir;

  private List<String> optionsFor(List<String> jvmOptions, Map<String, String> environment) {
    return RecordedGc.forGivenOptions(RecordedJvmOptions.given(jvmOptions, environment, workdir));
  }

  @Test
  void aRecordedJvmCollectsWithTheParallelCollector() {
    assertThat(optionsFor(List.of("-Xss2m", "-cp", "classes"), Map.of())).containsExactly("-XX:+UseParallelGC");
    assertThat(optionsFor(List.of("-XX:+UseLargePages", "-XX:ParallelGCThreads=2", "-XX:+ZeroTLAB", "-Xlog:gc", "-Xms64m"), Map.of()))
        .as("options that choose no collector")
        .containsExactly(RecordedGc.OPTION);
  }

  @Test
  void optionsThatChooseOrTuneACollectorAreKept() {
    for (String option : List.of("-XX:+UseG1GC", "-XX:+UseSerialGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC",
        "-XX:-UseParallelGC", "-XX:+UseParallelGC", "-XX:G1HeapRegionSize=4m", "-XX:+G1PeriodicGCInvokesConcurrent",
        "-XX:ShenandoahGCMode=iu", "-XX:+ZGenerational", "-XX:ZCollectionInterval=5", "-XX:+UseStringDeduplication",
        "-XX:MaxGCPauseMillis=50")) {
      assertThat(optionsFor(List.of("-Xss2m", option), Map.of())).as(option).isEmpty();
    }
  }

  @Test
  void aSizedHeapKeepsItsCollector() {
    for (String option : List.of("-Xmx100m", "-Xmn16m", "-XX:MaxHeapSize=1g", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=2g",
        "-XX:MinRAMPercentage=60", "-XX:NewRatio=3", "-XX:SurvivorRatio=6")) {
      assertThat(optionsFor(List.of("-Xss2m", option), Map.of())).as(option).isEmpty();
    }
    assertThat(optionsFor(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx512m"))).isEmpty();
  }

  @Test
  void theEnvironmentsOptionsAndTheFilesTheyNameCount() throws Exception {
    assertThat(optionsFor(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"))).isEmpty();
    assertThat(optionsFor(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xss2m", "PATH", "-XX:+UseG1GC"))).containsExactly(RecordedGc.OPTION);
    Files.writeString(workdir.resolve("gc.options"), "-XX:+UseG1GC\n");
    assertThat(optionsFor(List.of(), Map.of("JDK_JAVA_OPTIONS", "@gc.options"))).isEmpty();
    assertThat(optionsFor(List.of("-XX:VMOptionsFile=gc.options"), Map.of())).isEmpty();
  }

  @Test
  void aLauncherAddsBothChoicesAndRecognizesThemAsItsOwn() {
    List<String> options = RecordedJvmOptions.forRecordedJvm("output=/r", List.of("-Xss2m"), Map.of(), workdir);

    assertThat(options).containsExactly(RecordedJit.OPTION, RecordedGc.OPTION);
    assertThat(options).allMatch(RecordedJvmOptions::isOurs);
    assertThat(RecordedJvmOptions.isOurs("-XX:+UseG1GC")).isFalse();
  }
}
