package dev.codetracer.agent;

import dev.codetracer.agent.instrument.ClassFilter;
import dev.codetracer.agent.instrument.ClassInstrumenter;
import dev.codetracer.agent.instrument.CodeTracerTransformer;
import dev.codetracer.agent.instrument.SourceResolver;
import dev.codetracer.agent.output.RecordingFinisher;
import dev.codetracer.agent.runtime.OutputCapture;
import dev.codetracer.agent.runtime.RecordingControl;
import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.RecordingId;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * The agent's entry points ({@code -javaagent:codetracer-agent.jar=OPTIONS}, or attached). Parses
 * the options, opens the JDK internals the value reader needs, wraps standard output and error,
 * installs the transformer and, with {@code start=main} (the default), starts recording the thread
 * that runs {@code main}; a shutdown hook stops and finishes the recording.
 */
public final class CodeTracerAgent {
  private static volatile boolean started;

  private CodeTracerAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    AgentOptions options = parseOrExit(arguments);
    if (options.start() == AgentOptions.Start.MAIN && options.finish() == AgentOptions.Finish.AGENT
        && options.output() != null && holdsFiles(options.output())) {
      exit("option \"output\": " + options.output() + " already exists and is not empty; choose another folder");
    }
    start(options, instrumentation, true);
  }

  private static boolean holdsFiles(Path folder) {
    try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(folder)) {
      return entries.findAny().isPresent();
    } catch (java.io.IOException e) {
      return java.nio.file.Files.exists(folder);
    }
  }

  private static void exit(String message) {
    System.err.println("codetracer-agent: " + message);
    System.err.flush();
    Runtime.getRuntime().halt(2);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    AgentOptions options;
    try {
      options = AgentOptions.parse(arguments);
    } catch (IllegalArgumentException e) {
      System.err.println("codetracer-agent: " + e.getMessage());
      return;
    }
    start(options, instrumentation, false);
  }

  /** A bad option stops the JVM before the program runs, with one line saying which. */
  private static AgentOptions parseOrExit(String arguments) {
    try {
      return AgentOptions.parse(arguments);
    } catch (IllegalArgumentException e) {
      exit(e.getMessage());
      throw e;
    }
  }

  private static synchronized void start(AgentOptions options, Instrumentation instrumentation, boolean atLaunch) {
    if (started) {
      return;
    }
    started = true;
    JavaBaseExports.exportUnsafeToValueReader(instrumentation);
    OutputCapture.Charsets charsets = OutputCapture.install();
    RecordingControl.install(options, new RecordingFinisher(options, charsets.out().name(), charsets.err().name()));
    ClassInstrumenter instrumenter =
        new ClassInstrumenter(SourceResolver.forThisJvm(options.sourcepath()), options.values(), options.redact(), options.lineRuns(),
            options.countedLoops());
    instrumentation.addTransformer(
        new CodeTracerTransformer(new ClassFilter(options.includes(), options.excludes()), instrumenter, instrumentation),
        false);
    Runtime.getRuntime().addShutdownHook(new Thread(RecordingControl::shutdown, "codetracer-shutdown"));
    if (atLaunch && options.start() == AgentOptions.Start.MAIN) {
      Path folder = options.output() != null
          ? options.output()
          : DataDirectory.fromEnvironment().recordingFolder(RecordingId.newId());
      RecordingControl.start(options.name(), folder);
    }
  }
}
