package dev.codetracer.viewer.index;

import static dev.codetracer.viewer.index.IndexLayout.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.trace.InvalidTraceException;
import dev.codetracer.core.trace.TraceEvent;
import dev.codetracer.core.trace.TraceReader;
import dev.codetracer.core.trace.TraceValidator;
import dev.codetracer.core.trace.TypeSpecificInfo;
import dev.codetracer.viewer.stream.EventBoundaries;
import dev.codetracer.viewer.stream.EventStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the index of one stream in one pass, in memory independent of its length: the core's
 * reader and validator decode and check each event while {@link EventBoundaries} says where it
 * starts. Steps, calls, output and timeline go to memory-mapped files as they come; only the open
 * calls (the current stack) and the definitions stay on the heap. A stream that turns out invalid
 * part way keeps the index of what came before, and the reason.
 *
 * <p>The attribution of events to steps follows the core's {@code TraceModel}: values after a
 * step belong to it, a step followed by a {@code Call} belongs to the callee, output belongs to
 * the step before it.
 */
final class IndexBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PROGRESS_EVERY = 1 << 16;

  private final Path folder;
  private final ProgressListener progress;

  private final Definitions definitions = new Definitions();
  private final Map<Definitions.Location, Integer> locationIds = new HashMap<>();
  private final List<OpenCall> stack = new ArrayList<>();
  private MappedFile steps;
  private MappedFile calls;
  private MappedFile outputs;
  private TimelineAccumulator timeline;
  private EventBoundaries boundaries;

  private int stepCount;
  private int callCount;
  private int outputCount;
  private long eventCount;
  /** A Step whose call is known only at the next event (a Call makes it the callee's). */
  private boolean pendingStep;
  private long pendingPosition;
  private int pendingLocation;
  private long valuesBeforeFirstStep = -1;

  /** A call not yet returned. */
  private static final class OpenCall {
    final int id;
    final int depth;
    int lastChild = -1;
    int childCount;
    int subtreeFirstStep = -1;
    boolean hasOwnStep;

    OpenCall(int id, int depth, boolean hasOwnStep) {
      this.id = id;
      this.depth = depth;
      this.hasOwnStep = hasOwnStep;
    }
  }

  IndexBuilder(Path folder, ProgressListener progress) {
    this.folder = folder;
    this.progress = progress;
  }

  /**
   * @param stream the opened stream, or null when it could not be opened
   * @param openError why it could not be opened (one line), when {@code stream} is null
   */
  IndexManifest build(Path streamFile, EventStream stream, String openError, StreamFingerprint fingerprint) throws IOException {
    long started = System.nanoTime();
    String streamError = null;
    try (MappedFile stepsFile = MappedFile.create(folder.resolve(STEPS));
        MappedFile callsFile = MappedFile.create(folder.resolve(CALLS));
        MappedFile outputsFile = MappedFile.create(folder.resolve(OUTPUTS));
        MappedFile timelineFile = MappedFile.create(folder.resolve(TIMELINE))) {
      steps = stepsFile;
      calls = callsFile;
      outputs = outputsFile;
      timeline = new TimelineAccumulator(timelineFile);
      try {
        if (stream == null) {
          throw new InvalidTraceException(openError);
        }
        try (EventBoundaries walk = stream.boundaries(); TraceReader reader = TraceReader.open(streamFile)) {
          boundaries = walk;
          TraceValidator.validate(reader, streamFile.toString(), this::accept);
        }
      } catch (InvalidTraceException e) {
        streamError = e.getMessage();
      } catch (UncheckedIOException e) {
        streamError = streamFile + ": " + e.getCause().getMessage();
      }
      finish();
      LinePostings.build(steps, stepCount, definitions.locations.size(), folder);
    } finally {
      progress.finished();
    }
    JSON.writeValue(folder.resolve(DEFINITIONS).toFile(), definitions);
    IndexManifest manifest = new IndexManifest();
    manifest.formatVersion = FORMAT_VERSION;
    manifest.stream = streamFile.getFileName().toString();
    manifest.fingerprint = fingerprint;
    manifest.events = eventCount;
    manifest.steps = stepCount;
    manifest.calls = callCount;
    manifest.outputs = outputCount;
    manifest.streamError = streamError;
    manifest.buildMillis = (System.nanoTime() - started) / 1_000_000;
    JSON.writeValue(folder.resolve(MANIFEST).toFile(), manifest);
    return manifest;
  }

  private void accept(TraceEvent event) {
    long position;
    try {
      position = boundaries.next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (++eventCount % PROGRESS_EVERY == 0) {
      progress.progress(boundaries.done(), boundaries.total());
    }
    if (stepCount == Integer.MAX_VALUE - 1 || callCount == Integer.MAX_VALUE - 1) {
      throw new InvalidTraceException("the stream has more than 2^31 steps or calls, more than the viewer shows");
    }
    if (event instanceof TraceEvent.Step e) {
      flushPendingStep();
      pendingStep = true;
      pendingPosition = stepCount == 0 && valuesBeforeFirstStep >= 0 ? valuesBeforeFirstStep : position;
      pendingLocation = locationId(e.pathId(), e.line());
    } else if (event instanceof TraceEvent.Value) {
      if (stepCount == 0 && !pendingStep && valuesBeforeFirstStep < 0) {
        valuesBeforeFirstStep = position;
      }
    } else if (event instanceof TraceEvent.Call e) {
      call(e, position);
    } else if (event instanceof TraceEvent.Return) {
      flushPendingStep();
      if (!stack.isEmpty()) {
        close(stack.remove(stack.size() - 1), position);
      }
    } else if (event instanceof TraceEvent.Log e) {
      output(e, position);
    } else if (event instanceof TraceEvent.Path e) {
      definitions.paths.add(e.path());
    } else if (event instanceof TraceEvent.Function e) {
      definitions.functions.add(new Definitions.FunctionDef(e.name(), e.pathId(), e.line()));
    } else if (event instanceof TraceEvent.Type e) {
      List<String> fields = e.specificInfo() instanceof TypeSpecificInfo.Struct s
          ? s.fields().stream().map(TypeSpecificInfo.Field::name).toList()
          : null;
      definitions.types.add(new Definitions.TypeDef(e.kind(), e.langType(), fields));
    } else if (event instanceof TraceEvent.VariableName e) {
      definitions.variableNames.add(e.name());
    } else if (event instanceof TraceEvent.Other e && e.kind().equals("DropLastStep")) {
      dropLastStep();
    }
  }

  private void call(TraceEvent.Call e, long position) {
    int id = callCount++;
    OpenCall parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    long at = (long) id * CALL_SIZE;
    calls.putInt(at + CALL_FUNCTION, (int) e.functionId());
    calls.putInt(at + CALL_PARENT, parent == null ? -1 : parent.id);
    calls.putInt(at + CALL_DEPTH, stack.size());
    calls.putInt(at + CALL_FIRST_STEP, pendingStep ? stepCount : -1);
    calls.putInt(at + CALL_SUBTREE_FIRST_STEP, -1);
    calls.putInt(at + CALL_LAST_STEP, -1);
    calls.putInt(at + CALL_FIRST_CHILD, -1);
    calls.putInt(at + CALL_NEXT_SIBLING, -1);
    calls.putInt(at + CALL_CHILD_COUNT, 0);
    calls.putInt(at + CALL_RETURNED, 0);
    calls.putLong(at + CALL_EVENT_POSITION, position);
    calls.putLong(at + CALL_RETURN_POSITION, -1);
    if (parent != null) {
      if (parent.lastChild < 0) {
        calls.putInt((long) parent.id * CALL_SIZE + CALL_FIRST_CHILD, id);
      } else {
        calls.putInt((long) parent.lastChild * CALL_SIZE + CALL_NEXT_SIBLING, id);
      }
      parent.lastChild = id;
      parent.childCount++;
    }
    timeline.call(pendingStep ? stepCount : Math.max(0, stepCount - 1));
    stack.add(new OpenCall(id, stack.size(), pendingStep));
    flushPendingStep();
  }

  private void close(OpenCall call, long returnPosition) {
    long at = (long) call.id * CALL_SIZE;
    calls.putInt(at + CALL_SUBTREE_FIRST_STEP, call.subtreeFirstStep);
    calls.putInt(at + CALL_LAST_STEP, call.subtreeFirstStep < 0 ? -1 : stepCount - 1);
    calls.putInt(at + CALL_CHILD_COUNT, call.childCount);
    if (returnPosition >= 0) {
      calls.putInt(at + CALL_RETURNED, 1);
      calls.putLong(at + CALL_RETURN_POSITION, returnPosition);
    }
  }

  private void output(TraceEvent.Log e, long position) {
    int step = Math.max(0, pendingStep ? stepCount : stepCount - 1);
    long at = (long) outputCount++ * OUTPUT_SIZE;
    outputs.putLong(at + OUTPUT_POSITION, position);
    outputs.putInt(at + OUTPUT_STEP, step);
    outputs.putInt(at + OUTPUT_KIND, e.kind());
    timeline.output(step);
  }

  private void flushPendingStep() {
    if (!pendingStep) {
      return;
    }
    pendingStep = false;
    int step = stepCount++;
    OpenCall current = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    long at = (long) step * STEP_SIZE;
    steps.putLong(at + STEP_POSITION, pendingPosition);
    steps.putInt(at + STEP_LOCATION, pendingLocation);
    steps.putInt(at + STEP_CALL, current == null ? -1 : current.id);
    if (current != null && !current.hasOwnStep) {
      current.hasOwnStep = true;
      calls.putInt((long) current.id * CALL_SIZE + CALL_FIRST_STEP, step);
    }
    for (int i = stack.size() - 1; i >= 0 && stack.get(i).subtreeFirstStep < 0; i--) {
      stack.get(i).subtreeFirstStep = step;
    }
    timeline.step(step, current == null ? 0 : current.depth);
  }

  private void dropLastStep() {
    if (pendingStep) {
      pendingStep = false;
    } else if (stepCount > 0) {
      stepCount--;
      steps.truncate((long) stepCount * STEP_SIZE);
    }
  }

  private void finish() {
    flushPendingStep();
    for (int i = stack.size() - 1; i >= 0; i--) {
      close(stack.get(i), -1);
    }
    stack.clear();
    timeline.finish(stepCount);
  }

  private int locationId(long pathId, long line) {
    Definitions.Location location = new Definitions.Location((int) pathId, line);
    Integer id = locationIds.get(location);
    if (id == null) {
      id = definitions.locations.size();
      definitions.locations.add(location);
      locationIds.put(location, id);
    }
    return id;
  }
}
