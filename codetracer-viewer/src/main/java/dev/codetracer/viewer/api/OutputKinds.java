package dev.codetracer.viewer.api;

import dev.codetracer.core.trace.EventLogKind;

/** The page's name for an Event kind: stdout, stderr, error, or what else it is. */
final class OutputKinds {
  String name(int kind) {
    return switch (kind) {
      case EventLogKind.WRITE -> "stdout";
      case EventLogKind.WRITE_OTHER -> "stderr";
      case EventLogKind.WRITE_FILE -> "file";
      case EventLogKind.ERROR -> "error";
      case EventLogKind.TRACE_LOG_EVENT -> "log";
      default -> "io";
    };
  }
}
