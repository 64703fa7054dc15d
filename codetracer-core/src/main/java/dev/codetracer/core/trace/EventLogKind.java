package dev.codetracer.core.trace;

/** Kinds of {@code Event} entries (program output and other I/O), as CodeTracer numbers them. */
public final class EventLogKind {
  /** Standard output. */
  public static final int WRITE = 0;
  public static final int WRITE_FILE = 1;
  /** Other output; used for standard error. */
  public static final int WRITE_OTHER = 2;
  public static final int READ = 3;
  public static final int READ_FILE = 4;
  public static final int READ_OTHER = 5;
  public static final int READ_DIR = 6;
  public static final int OPEN_DIR = 7;
  public static final int CLOSE_DIR = 8;
  public static final int SOCKET = 9;
  public static final int OPEN = 10;
  /** The run ended in an error (an uncaught exception, a failed assertion). */
  public static final int ERROR = 11;
  public static final int TRACE_LOG_EVENT = 12;
  /** Written by CodeTracer's EVM recorder; accepted when reading. */
  public static final int EVM_EVENT = 13;

  /** The highest kind number CodeTracer defines. */
  public static final int MAX = EVM_EVENT;

  private EventLogKind() {}
}
