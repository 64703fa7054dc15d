package dev.codetracer.junit.config;

import java.util.Locale;

/** {@code codetracer.mode}: how a failing test gets its recording. */
public enum RecordMode {
  /** {@link #RETAIN} when the JVM recorder is loaded in the test JVM, else {@link #RERUN}. */
  AUTO,
  /** Record each test while it runs; keep the recording of a failure, drop that of a pass. */
  RETAIN,
  /** Run a failed test again, alone, in a fresh JVM under the recorder. */
  RERUN;

  /** The value written to {@code record_mode} in the metadata. */
  public String metadataValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
