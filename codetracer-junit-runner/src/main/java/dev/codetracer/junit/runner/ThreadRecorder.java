package dev.codetracer.junit.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Records one test at a time on the thread that runs it, through the JVM recorder loaded in this
 * JVM, and decides at its end whether the recording stays: a failure's does (within the {@link
 * RecordingBudget}), a pass's is dropped at once unless {@code keep=all}. What a kept recording
 * says about its test is written by whoever publishes it.
 */
public final class ThreadRecorder {
  private final AgentBridge recorder;
  private final RecordingBudget budget;
  private final Path output;
  private final KeepPolicy keep;
  /**
   * The output folder was made: once is enough (the recorder makes a recording's folder with its
   * parents anyway); asking again per test costs a failing mkdir and an exception each time.
   */
  private volatile boolean outputCreated;

  public ThreadRecorder(AgentBridge recorder, RecordingBudget budget, Path output, KeepPolicy keep) {
    this.recorder = recorder;
    this.budget = budget;
    this.output = output;
    this.keep = keep;
  }

  /** A recording running for a test. */
  public record Active(TestDescription test, String testKey, Path folder) {}

  /**
   * Why a test is not being recorded.
   *
   * @param capReached the budget allows no recording of it
   * @param busy another recording was running (tests in parallel): running it again alone may work
   */
  public record NotStarted(String reason, boolean capReached, boolean busy) {}

  /** The end of a recording: the kept folder, or why there is none. */
  public record Finished(Path folder, RecordingBudget.Grant grant) {
    public boolean kept() {
      return folder != null;
    }
  }

  public boolean recorderLoaded() {
    return recorder.isLoaded();
  }

  /**
   * Starts recording the current thread for {@code test}.
   *
   * @param testKey the test as the budget knows it (the retried test for each of its attempts)
   * @return the running recording, or why there is none
   */
  public Result start(TestDescription test, String testKey) {
    if (!recorder.isLoaded()) {
      return Result.notStarted("no recorder is loaded in this JVM", false, false);
    }
    if (!budget.mayRecord(testKey)) {
      return Result.notStarted("codetracer.maxRecordings (" + budget.maxRecordings() + ") reached, or its first failure was recorded", true, false);
    }
    if (!outputCreated) {
      try {
        Files.createDirectories(output);
      } catch (IOException e) {
        return Result.notStarted("cannot create the output folder " + output + ": " + e, false, false);
      }
      outputCreated = true;
    }
    Path folder = RecordingFolderNames.newFolder(output, test);
    if (!recorder.start(test.label(), folder)) {
      return Result.notStarted("another recording was running in this JVM (tests running in parallel?)", false, true);
    }
    return new Result(new Active(test, testKey, folder), null);
  }

  /** {@link #start}'s answer: exactly one of the two is set. */
  public record Result(Active active, NotStarted notStarted) {
    static Result notStarted(String reason, boolean capReached, boolean busy) {
      return new Result(null, new NotStarted(reason, capReached, busy));
    }
  }

  /**
   * Stops the recording and keeps it when wanted.
   *
   * @throws RecorderException when the recorder failed to stop or finish the recording
   */
  public Finished finish(Active active, TestOutcome outcome) {
    RecordingBudget.Grant grant = null;
    if (outcome == TestOutcome.FAILED) {
      grant = budget.claimFailure(active.testKey());
    } else if (keep.keeps(false)) {
      grant = budget.claimPass();
    }
    boolean kept = grant == RecordingBudget.Grant.GRANTED;
    Optional<Path> folder = recorder.stop(kept);
    if (!kept) {
      return new Finished(null, grant);
    }
    if (folder.isEmpty()) {
      throw new RecorderException("the recorder stopped without a recording (was it stopped by someone else?)");
    }
    return new Finished(folder.get(), grant);
  }
}
