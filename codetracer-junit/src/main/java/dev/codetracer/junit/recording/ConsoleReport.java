package dev.codetracer.junit.recording;

import dev.codetracer.core.recording.TraceMetadata;
import dev.codetracer.junit.runner.TestDescription;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The lines a user sees in the test output: one per recording (which test, where, how to open
 * it) and one per recording that could not be made (why).
 */
public final class ConsoleReport {
  public static final String PREFIX = "codetracer: ";

  private final Supplier<PrintStream> out;
  private final Supplier<PrintStream> err;
  private final Path workdir;

  public ConsoleReport(Supplier<PrintStream> out, Supplier<PrintStream> err, Path workdir) {
    this.out = out;
    this.err = err;
    this.workdir = workdir.toAbsolutePath().normalize();
  }

  /** Prints to the JVM's standard streams as they are at the time of printing (test runners swap them). */
  public static ConsoleReport standard() {
    return new ConsoleReport(() -> System.out, () -> System.err, Path.of(System.getProperty("user.dir")));
  }

  /**
   * A recording of a test as it ran.
   *
   * @param notShown what the recording does not show: threads that ran recorded code meanwhile (a
   *     test's code run by {@code assertTimeoutPreemptively}, or by an executor), or any step
   */
  public void recorded(TestDescription test, boolean failed, Path folder, NotShown notShown) {
    line(out, test.label() + (failed ? " failed" : " passed") + "; recording: " + located(folder) + notShown(notShown));
  }

  /** A recording of a failed test run again in a fresh JVM by the JVM recorder ({@code notShown}: as {@link #recorded}). */
  public void rerunRecorded(TestDescription test, boolean reproduced, Path folder, NotShown notShown) {
    rerunRecorded(test, reproduced, folder, null, notShown);
  }

  /** @param how which recorder, when it is not the JVM recorder ({@code by rr}), else null */
  public void rerunRecorded(TestDescription test, boolean reproduced, Path folder, String how, NotShown notShown) {
    String by = how == null ? "" : " " + how;
    String what =
        reproduced
            ? " failed; recorded" + by + " when run again in a fresh JVM, where it failed again: "
            : " failed, but passed when run again in a fresh JVM (flaky?); recording" + by + " of that run: ";
    line(out, test.label() + what + located(folder) + notShown(notShown));
  }

  /**
   * A recording of a failed test run again in a fresh JVM that exited while the test ran (the
   * recorder keeps what it recorded as a JVM exits).
   *
   * @param status the JVM's exit status
   */
  public void rerunExited(TestDescription test, int status, Path folder, NotShown notShown) {
    line(out, test.label() + " failed; when run again in a fresh JVM, that JVM exited (exit status " + status
        + ") while it ran (most likely System.exit); recording of that run until the exit: " + located(folder) + notShown(notShown));
  }

  /**
   * What a recording does not show: the threads that ran recorded code meanwhile (the first few
   * by name, and how many in all), and whether it holds no steps at all (no recorded code ran on
   * the test's thread).
   */
  public record NotShown(List<String> names, int count, boolean noSteps) {
    public static final NotShown NONE = new NotShown(List.of(), 0, false);

    public NotShown(List<String> names, int count) {
      this(names, count, false);
    }

    public static NotShown of(TraceMetadata metadata) {
      return new NotShown(metadata.threadsUnrecorded(), metadata.threadsUnrecordedCount(),
          metadata.steps != null && metadata.steps == 0);
    }
  }

  private static String notShown(NotShown notShown) {
    String steps = notShown.noSteps() ? "; it holds no steps: no recorded code ran on the test's thread" : "";
    List<String> known = notShown.names();
    int count = Math.max(notShown.count(), known.size());
    if (count == 0) {
      return steps;
    }
    int shown = Math.min(known.size(), 3);
    String names = String.join(", ", known.subList(0, shown)) + (count > shown ? " and " + (count - shown) + " more" : "");
    return steps + "; it does not show what ran meanwhile on " + (count == 1 ? "thread " : "threads ") + names;
  }

  public void noRecording(TestDescription test, String why) {
    line(err, "warning: no recording of " + test.label() + ": " + why);
  }

  /** One line for several tests that are not recorded for the same reason. */
  public void noRecordings(List<TestDescription> tests, String why) {
    if (tests.size() == 1) {
      noRecording(tests.get(0), why);
      return;
    }
    int shown = Math.min(tests.size(), 3);
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      names.append(i == 0 ? "" : i == shown - 1 && shown == tests.size() ? " and " : ", ").append(tests.get(i).label());
    }
    if (tests.size() > shown) {
      int more = tests.size() - shown;
      names.append(" and ").append(more).append(more == 1 ? " more failed test" : " more failed tests");
    }
    line(err, "warning: no recording of " + names + ": " + why);
  }

  public void warning(String text) {
    line(err, "warning: " + text);
  }

  private String located(Path folder) {
    String shown = shown(folder);
    return shown + " (open it: codetracer run " + quoted(shown) + ")";
  }

  /** Relative to the working directory when inside it, as a user would type it. */
  String shown(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute.startsWith(workdir) && !absolute.equals(workdir) ? workdir.relativize(absolute).toString() : absolute.toString();
  }

  static String quoted(String path) {
    return path.matches("[A-Za-z0-9._/@:+=,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }

  private static void line(Supplier<PrintStream> stream, String text) {
    PrintStream printStream = stream.get();
    printStream.println(PREFIX + text.replace('\n', ' ').replace('\r', ' '));
    printStream.flush();
  }
}
