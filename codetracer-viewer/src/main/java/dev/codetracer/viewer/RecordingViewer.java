package dev.codetracer.viewer;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.trace.EventLogKind;
import dev.codetracer.core.trace.InvalidTraceException;
import dev.codetracer.viewer.api.CallView;
import dev.codetracer.viewer.api.OutputView;
import dev.codetracer.viewer.api.SourceFiles;
import dev.codetracer.viewer.api.StepView;
import dev.codetracer.viewer.api.StepWindowView;
import dev.codetracer.viewer.api.TimelineView;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.index.IndexStore;
import dev.codetracer.viewer.index.RecordingIndex;
import dev.codetracer.viewer.navigation.Navigator;
import dev.codetracer.viewer.stream.EventStream;
import java.io.Closeable;
import java.util.Optional;

/**
 * One recording opened for viewing: its folder, and for an event stream the stream and its index
 * (built at the first open) with the views the page asks for. An rr recording has no stream: the
 * page shows its metadata, sources, function index and the command that replays it.
 */
public final class RecordingViewer implements Closeable {
  private final RecordingFolder folder;
  private final SourceFiles sources;
  private final EventStream stream;
  private final RecordingIndex index;
  private final String streamError;
  private final int failureStep;

  private RecordingViewer(RecordingFolder folder, EventStream stream, RecordingIndex index, String streamError) {
    this.folder = folder;
    this.sources = new SourceFiles(folder.path());
    this.stream = stream;
    this.index = index;
    this.streamError = streamError;
    this.failureStep = index == null ? -1 : failureStep(index);
  }

  /** Opens a recording, indexing its stream first when it has none or the stream changed. */
  public static RecordingViewer open(RecordingFolder folder, IndexListener listener) {
    if (folder.payload() == RecordingFolder.Payload.RR) {
      return new RecordingViewer(folder, null, null, null);
    }
    EventStream stream = null;
    String openError = null;
    try {
      stream = EventStream.open(folder.eventStream());
    } catch (InvalidTraceException e) {
      openError = e.getMessage();
    }
    RecordingIndex index;
    try {
      index = IndexStore.openOrBuild(folder.path(), folder.eventStream(), stream, openError, listener);
    } catch (RuntimeException e) {
      if (stream != null) {
        stream.close();
      }
      throw e;
    }
    String error = index.manifest().streamError;
    return new RecordingViewer(folder, stream, index, error);
  }

  public RecordingFolder folder() {
    return folder;
  }

  public boolean isRr() {
    return folder.payload() == RecordingFolder.Payload.RR;
  }

  public SourceFiles sources() {
    return sources;
  }

  /** The index; empty for an rr recording. */
  public Optional<RecordingIndex> index() {
    return Optional.ofNullable(index);
  }

  /** Why the stream could not be read (to its end); empty when it could. */
  public Optional<String> streamError() {
    return Optional.ofNullable(streamError);
  }

  /** True when there are steps to show. */
  public boolean hasSteps() {
    return index != null && stream != null && index.stepCount() > 0;
  }

  /** The step of the run's closing Error event, or -1 when the run did not end in one. */
  public int failureStep() {
    return failureStep;
  }

  public Navigator navigator() {
    return new Navigator(index, failureStep);
  }

  public StepView steps() {
    return new StepView(index, stream);
  }

  public StepWindowView stepWindows() {
    return new StepWindowView(index, steps());
  }

  public CallView calls() {
    return new CallView(index, stream);
  }

  public OutputView output() {
    return new OutputView(index, stream);
  }

  public TimelineView timeline() {
    return new TimelineView(index);
  }

  /** The closing Error event, as CodeTracer's replay sees it: the last output, an Error on the last step. */
  private static int failureStep(RecordingIndex index) {
    int last = index.outputCount() - 1;
    if (last >= 0 && index.outputKind(last) == EventLogKind.ERROR && index.outputStep(last) == index.stepCount() - 1) {
      return index.outputStep(last);
    }
    return -1;
  }

  @Override
  public void close() {
    if (index != null) {
      index.close();
    }
    if (stream != null) {
      stream.close();
    }
  }
}
