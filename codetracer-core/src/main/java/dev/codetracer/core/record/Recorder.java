package dev.codetracer.core.record;

import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.util.List;

/**
 * A way of recording a program: rr for native programs (and whole JVMs where the machine
 * allows), the JVM recorder for Java at source level. Implementations are found with {@link
 * java.util.ServiceLoader}; {@link RecordingSession} does everything around them (folder,
 * metadata, index, export).
 */
public interface Recorder {
  /** The backend name users pass to {@code --backend}: {@code jvm}, {@code rr}. */
  String name();

  /** True when this recorder is the natural one for the command ({@code --backend auto}). */
  boolean handles(List<String> command);

  /**
   * Checks, before the user's program runs, that this recorder can record here.
   *
   * @throws RecorderUnavailableException naming the cause and what the user can do instead
   */
  void checkUsable(RecordRequest request);

  /**
   * Runs the program under the recorder. Writes the payload, {@code source/} and {@code
   * function_index.json} into {@code request.folder()} and adds its own facts (recorder name and
   * version, language, truncation, ...) to {@code metadata}; the session writes the metadata.
   *
   * @return how the program ended
   */
  ProgramExit record(RecordRequest request, TraceMetadata metadata) throws IOException, InterruptedException;
}
