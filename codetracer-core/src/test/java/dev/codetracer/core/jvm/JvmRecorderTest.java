package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.record.RecordRequest;
import dev.codetracer.core.record.TraceFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmRecorderTest {
  private final JvmRecorder recorder = new JvmRecorder();

  @Test
  void handlesJavaCommands() {
    assertThat(recorder.handles(List.of("java", "-cp", "x", "Main"))).isTrue();
    assertThat(recorder.handles(List.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "-jar", "app.jar"))).isTrue();
    assertThat(recorder.handles(List.of("./app"))).isFalse();
    assertThat(recorder.handles(List.of("javac", "A.java"))).isFalse();
    assertThat(recorder.handles(List.of())).isFalse();
  }

  @Test
  void putsTheAgentRightAfterTheJavaExecutable() {
    List<String> command = JvmRecorder.withAgent(
        List.of("java", "-Dmode=fast", "-jar", "app.jar", "--flag"), Path.of("/a/agent.jar"), "output=/r,finish=external", Map.of(), Path.of("/w"));
    assertThat(command).containsExactly(
        "java", "-javaagent:/a/agent.jar=output=/r,finish=external", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Dmode=fast", "-jar",
        "app.jar", "--flag");
    assertThat(JvmRecorder.withAgent(List.of("java", "Main"), Path.of("/a/agent.jar"), "output=/r,values=none", Map.of(), Path.of("/w")))
        .containsExactly("java", "-javaagent:/a/agent.jar=output=/r,values=none", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "Main");
  }

  @Test
  void keepsTheCollectorTheProgramsOptionsChooseOrWhenTheySizeTheHeap() {
    assertThat(JvmRecorder.withAgent(List.of("java", "-XX:+UseG1GC", "Main"), Path.of("/a/agent.jar"), "output=/r", Map.of(), Path.of("/w")))
        .containsExactly("java", "-javaagent:/a/agent.jar=output=/r", "-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "Main");
    assertThat(JvmRecorder.withAgent(
            List.of("java", "Main", "-XX:+UseG1GC"), Path.of("/a/agent.jar"), "output=/r", Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxGCPauseMillis=20"),
            Path.of("/w")))
        .containsExactly("java", "-javaagent:/a/agent.jar=output=/r", "-XX:TieredStopAtLevel=1", "Main", "-XX:+UseG1GC");
    assertThat(JvmRecorder.withAgent(List.of("java", "-Xmx100m", "Main"), Path.of("/a/agent.jar"), "output=/r", Map.of(), Path.of("/w")))
        .containsExactly("java", "-javaagent:/a/agent.jar=output=/r", "-XX:TieredStopAtLevel=1", "-Xmx100m", "Main");
  }

  @Test
  void keepsTheJitTheProgramsOptionsChoose() {
    assertThat(JvmRecorder.withAgent(
            List.of("java", "-XX:TieredStopAtLevel=4", "Main", "-Xint"), Path.of("/a/agent.jar"), "output=/r", Map.of(), Path.of("/w")))
        .as("with C2, the value code is kept out of the program's compiled methods")
        .containsExactly("java", "-javaagent:/a/agent.jar=output=/r",
            "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,dev.codetracer.agent.values.*::*",
            "-XX:CompileCommand=dontinline,dev.codetracer.agent.shaded.core.jvm.ValueEncoder::*", "-XX:+UseParallelGC",
            "-XX:TieredStopAtLevel=4", "Main", "-Xint");
    assertThat(JvmRecorder.withAgent(
            List.of("java", "-XX:TieredStopAtLevel=4", "Main", "-Xint"), Path.of("/a/agent.jar"), "values=none", Map.of(), Path.of("/w")))
        .as("no values recorded: the value code never runs")
        .containsExactly("java", "-javaagent:/a/agent.jar=values=none", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4", "Main", "-Xint");
    assertThat(JvmRecorder.withAgent(
            List.of("java", "Main"), Path.of("/a/agent.jar"), "values=none", Map.of("JDK_JAVA_OPTIONS", "-Xss2m -XX:-TieredCompilation"), Path.of("/w")))
        .containsExactly("java", "-javaagent:/a/agent.jar=values=none", "-XX:+UseParallelGC", "Main");
    assertThat(JvmRecorder.withAgent(List.of("java", "Main", "-Xint"), Path.of("/a/agent.jar"), "values=none", Map.of(), Path.of("/w")))
        .as("an argument of the program's")
        .contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void agentOptionsNameTheFolderTheFormatAndTheUsersOptions() {
    RecordRequest request = new RecordRequest(
        List.of("java", "Main"), Path.of("/w"), Path.of("/w/rec"), Map.of(), TraceFormat.BIN, null, false, "depth=3,maxSteps=10");
    assertThat(JvmRecorder.agentOptions(request, null)).isEqualTo("output=/w/rec,finish=external,format=bin,depth=3,maxSteps=10");
    assertThat(JvmRecorder.agentOptions(request, Path.of("/w/src")))
        .as("a compiled single source file's folder is where its source is found")
        .endsWith(",sourcepath=/w/src");
    RecordRequest commas = new RecordRequest(
        List.of("java", "Main"), Path.of("/w"), Path.of("/w/out,1"), Map.of(), TraceFormat.JSON, null, false, null);
    AgentOptions parsed = AgentOptions.parse(JvmRecorder.agentOptions(commas, Path.of("/w/src,2")));
    assertThat(parsed.output()).isEqualTo(Path.of("/w/out,1"));
    assertThat(parsed.sourcepath()).containsExactly(Path.of("/w/src,2"));
  }

  @Test
  void readsTheCapsFromTheAgentOptions() {
    assertThat(JvmRecorder.limits("maxSteps=1_000,maxEvents=20,maxBytes=3m,depth=1"))
        .isEqualTo(new ExpansionLimits(1000, 20, 3L << 20));
    assertThat(JvmRecorder.limits(null)).isEqualTo(ExpansionLimits.defaults());
    assertThat(JvmRecorder.limits("output=/w/rec,finish=external,format=bin,maxBytes=2k"))
        .as("the whole option string the agent is given")
        .isEqualTo(new ExpansionLimits(ExpansionLimits.DEFAULT_MAX_STEPS, ExpansionLimits.DEFAULT_MAX_EVENTS, 2048));
    assertThat(JvmRecorder.limits("maxSteps=lots")).as("refused by the agent itself").isEqualTo(ExpansionLimits.defaults());
  }
}
