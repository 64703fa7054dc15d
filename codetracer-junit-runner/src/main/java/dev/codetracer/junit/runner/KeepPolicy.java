package dev.codetracer.junit.runner;

/** {@code codetracer.keep}: which recordings stay on disk. */
public enum KeepPolicy {
  FAILED,
  ALL;

  public boolean keeps(boolean failed) {
    return failed || this == ALL;
  }
}
