package dev.codetracer.junit.config;

import java.util.Locale;

/** {@code codetracer.backend}: the recorder of rerun mode, as the Maven plugin's {@code -Dcodetracer.backend}. */
public enum Backend {
  /** The JVM recorder: Java at source level, everywhere. */
  JVM,
  /**
   * rr: the whole rerun JVM at machine level; needs rr and hardware performance counters. Only
   * in rerun mode (rr records processes, not a test inside one), one JVM per failed test.
   */
  RR;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
