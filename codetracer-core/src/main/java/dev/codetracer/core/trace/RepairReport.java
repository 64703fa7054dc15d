package dev.codetracer.core.trace;

/**
 * What {@link TraceRepair} did to a stream.
 *
 * @param format the stream's format
 * @param changed whether the file was modified (false: it was already complete)
 * @param eventsKept the events the stream holds now
 * @param bytesDropped bytes removed from the end (a partial event or frame, a broken seek table, a dangling comma)
 * @param action one line saying what was done
 */
public record RepairReport(TraceFileFormat format, boolean changed, long eventsKept, long bytesDropped, String action) {

  /** One line for the user, e.g. "trace.json: kept 1204 events, dropped 37 bytes; closed the array". */
  public String describe() {
    return format.fileName() + ": kept " + eventsKept + " events, dropped " + bytesDropped + " bytes; " + action;
  }
}
