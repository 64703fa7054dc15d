package dev.codetracer.cli.console;

import dev.codetracer.core.recording.RecordingFolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines under a recording's first line in {@code record}'s and {@code finish}'s summaries:
 * where it is, what it holds and lacks, its id, and the zips it was exported to.
 */
public final class RecordingSummary {
  private RecordingSummary() {}

  /**
   * @param notes what it lacks besides {@link RecordingContents#omissions}
   * @param indexed whether it is in the index
   */
  public static void print(PrintStream out, RecordingFolder recording, List<String> notes, boolean indexed, List<Path> zips) {
    out.println("  recording: " + recording.path());
    out.println("  holds:     " + RecordingContents.describe(recording));
    for (String note : RecordingContents.omissions(recording)) {
      out.println("  note:      " + note);
    }
    for (String note : notes) {
      out.println("  note:      " + note);
    }
    out.println("  id:        " + recording.metadata().recordingId + (indexed ? "" : " (not in the index)"));
    for (Path zip : zips) {
      out.println("  exported:  " + zip);
    }
  }
}
