package dev.codetracer.junit.runner;

/** Which recordings stay on disk: the runner's {@code --keep}, the extension's {@code codetracer.keep}. */
public enum KeepPolicy {
  FAILED,
  ALL;

  public boolean keeps(boolean failed) {
    return failed || this == ALL;
  }
}
