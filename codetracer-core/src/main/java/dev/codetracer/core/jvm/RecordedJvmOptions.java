package dev.codetracer.core.jvm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options a launcher adds to a JVM started only to be recorded ({@code codetracer record},
 * the record goal's test JVM, the JUnit extension's rerun JVM): how it compiles ({@link
 * RecordedJit}) and how it collects ({@link RecordedGc}), each unless the JVM's own options, its
 * environment's ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}) or the files they name
 * ({@code @argfiles}, {@code -XX:VMOptionsFile=}) choose.
 */
public final class RecordedJvmOptions {
  private RecordedJvmOptions() {}

  /**
   * @param agentOptions the recorder's options (whether it records values decides some)
   * @param jvmOptions the JVM's own options, before its main class or {@code -jar}
   * @param workdir where the JVM starts, against which the files its options name are read
   */
  public static List<String> forRecordedJvm(
      String agentOptions, List<String> jvmOptions, Map<String, String> environment, Path workdir) {
    List<String> given = given(jvmOptions, environment, workdir);
    List<String> options = new ArrayList<>(RecordedJit.forGivenOptions(agentOptions, jvmOptions, given));
    options.addAll(RecordedGc.forGivenOptions(given));
    return options;
  }

  /** Whether an option is one of those this adds (the program's command, as the user typed it, is shown without them). */
  public static boolean isOurs(String option) {
    return RecordedJit.isOurs(option) || RecordedGc.isOurs(option);
  }

  /** The options the JVM will read, in its order: its environment's, then its own, with the files they name read in. */
  static List<String> given(List<String> jvmOptions, Map<String, String> environment, Path workdir) {
    List<String> options = new ArrayList<>(JvmOptionVariables.of(environment));
    options.addAll(jvmOptions);
    return JvmOptionFiles.expanded(options, workdir);
  }
}
