package dev.codetracer.core.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The thread stack size of a JVM the JVM recorder runs in. The recorder's probes make a recorded
 * method's compiled frames larger, and a small recursive method too large for the JIT to inline
 * into itself: a recursion that fits the stack unrecorded overflows it recorded (6,500 levels of a
 * one-line recursive method against 23,000 on Java 17, 1 MiB stacks). So a recorded JVM's threads
 * get {@value #FACTOR} times the stack its options give them, or the JVM's default gives them.
 * Stacks are reserved address space, committed only as deep as a thread goes.
 */
public final class RecordedStacks {
  public static final int FACTOR = 4;
  /** HotSpot's default thread stack size on 64-bit Linux and macOS (x64 and AArch64). */
  static final long DEFAULT_KIB = 1024;

  private RecordedStacks() {}

  /**
   * The {@code -Xss} option for a recorded JVM, to come after all the given JVM options (the last
   * stack size given wins): {@value #FACTOR} times the last stack size they set, or the default.
   */
  public static String option(List<String> jvmOptions) {
    long kib = DEFAULT_KIB;
    for (String option : jvmOptions) {
      OptionalLong set = stackSizeKib(option);
      if (set.isPresent()) {
        // 0 asks the JVM for its default
        kib = set.getAsLong() > 0 ? set.getAsLong() : DEFAULT_KIB;
      }
    }
    return "-Xss" + kib * FACTOR + "k";
  }

  /**
   * As {@link #option(List)}, for a JVM started with this environment: the stack sizes {@code
   * JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS} set count too, before the options (the JVM
   * reads them first).
   */
  public static String option(List<String> jvmOptions, Map<String, String> environment) {
    List<String> options = new ArrayList<>(JvmOptionVariables.of(environment));
    options.addAll(jvmOptions);
    return option(options);
  }

  /**
   * The {@code java} command with the recorded JVM's {@code -Xss} added as its last launcher
   * option, before the main class, {@code -jar} or {@code -m}.
   */
  public static List<String> withRecordedStacks(List<String> command, Map<String, String> environment) {
    int end = JavaLauncher.optionsEnd(command);
    List<String> out = new ArrayList<>(command.size() + 1);
    out.addAll(command.subList(0, end));
    out.add(option(command.subList(1, end), environment));
    out.addAll(command.subList(end, command.size()));
    return out;
  }

  /** Whether any of the options sets the thread stack size. */
  public static boolean setsStackSize(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(option -> stackSizeKib(option).isPresent());
  }

  /** The stack size an option sets, in KiB: {@code -Xss<size>} or {@code -XX:ThreadStackSize=<KiB>}. */
  static OptionalLong stackSizeKib(String option) {
    try {
      if (option.startsWith("-Xss")) {
        return OptionalLong.of(bytes(option.substring(4)) / 1024);
      }
      if (option.startsWith("-XX:ThreadStackSize=")) {
        return OptionalLong.of(Long.parseLong(option.substring("-XX:ThreadStackSize=".length())));
      }
    } catch (NumberFormatException e) {
      // not a size the JVM would take either: it refuses to start, recorded or not
    }
    return OptionalLong.empty();
  }

  private static long bytes(String size) {
    String lower = size.toLowerCase(Locale.ROOT);
    long unit = 1;
    if (lower.endsWith("k")) {
      unit = 1L << 10;
    } else if (lower.endsWith("m")) {
      unit = 1L << 20;
    } else if (lower.endsWith("g")) {
      unit = 1L << 30;
    }
    String digits = unit == 1 ? lower : lower.substring(0, lower.length() - 1);
    return Long.parseLong(digits) * unit;
  }
}
