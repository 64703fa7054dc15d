package dev.codetracer.viewer.index;

import static dev.codetracer.viewer.index.IndexLayout.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of one stream, read through memory maps: opening it costs a few small reads, and every
 * question about a step, a call or an output is a few array lookups. Thread-safe.
 */
public final class RecordingIndex implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IndexManifest manifest;
  private final Definitions definitions;
  private final MappedFile steps;
  private final MappedFile calls;
  private final MappedFile outputs;
  private final MappedFile timeline;
  private final MappedFile lineSteps;
  private final MappedFile lineStarts;

  private RecordingIndex(IndexManifest manifest, Definitions definitions, List<MappedFile> files) {
    this.manifest = manifest;
    this.definitions = definitions;
    this.steps = files.get(0);
    this.calls = files.get(1);
    this.outputs = files.get(2);
    this.timeline = files.get(3);
    this.lineSteps = files.get(4);
    this.lineStarts = files.get(5);
  }

  static IndexManifest readManifest(Path folder) throws IOException {
    return JSON.readValue(folder.resolve(MANIFEST).toFile(), IndexManifest.class);
  }

  static RecordingIndex open(Path folder) throws IOException {
    IndexManifest manifest = readManifest(folder);
    Definitions definitions = JSON.readValue(folder.resolve(DEFINITIONS).toFile(), Definitions.class);
    List<MappedFile> files = new ArrayList<>();
    try {
      for (String name : List.of(STEPS, CALLS, OUTPUTS, TIMELINE, LINE_STEPS, LINE_STARTS)) {
        files.add(MappedFile.openReadOnly(folder.resolve(name)));
      }
    } catch (IOException e) {
      for (MappedFile file : files) {
        file.close();
      }
      throw e;
    }
    return new RecordingIndex(manifest, definitions, files);
  }

  public IndexManifest manifest() {
    return manifest;
  }

  public Definitions definitions() {
    return definitions;
  }

  // ---- steps

  public int stepCount() {
    return manifest.steps;
  }

  /** Where the events of a step start in the stream. */
  public long stepPosition(int step) {
    return steps.getLong((long) step * STEP_SIZE + STEP_POSITION);
  }

  public int stepLocation(int step) {
    return steps.getInt((long) step * STEP_SIZE + STEP_LOCATION);
  }

  /** The call the step belongs to (-1 for a step outside any call). */
  public int stepCall(int step) {
    return steps.getInt((long) step * STEP_SIZE + STEP_CALL);
  }

  public int stepDepth(int step) {
    int call = stepCall(step);
    return call < 0 ? 0 : callDepth(call);
  }

  public Definitions.Location location(int locationId) {
    return definitions.locations.get(locationId);
  }

  /** The location id of a path and line, or -1 when no step visits it. */
  public int locationId(String path, long line) {
    List<Definitions.Location> locations = definitions.locations;
    for (int id = 0; id < locations.size(); id++) {
      Definitions.Location location = locations.get(id);
      if (location.line() == line && definitions.path(location.pathId()).equals(path)) {
        return id;
      }
    }
    return -1;
  }

  /** How many steps visit a location. */
  public long visits(int locationId) {
    return lineStarts.getLong((locationId + 1) * 8L) - lineStarts.getLong(locationId * 8L);
  }

  /** The last step before {@code step} at the location, or -1. */
  public int previousVisit(int locationId, int step) {
    long from = lineStarts.getLong(locationId * 8L);
    long to = lineStarts.getLong((locationId + 1) * 8L);
    long insertion = lowerBound(from, to, step);
    return insertion > from ? lineSteps.getInt((insertion - 1) * 4) : -1;
  }

  /** The first step after {@code step} at the location, or -1. */
  public int nextVisit(int locationId, int step) {
    long from = lineStarts.getLong(locationId * 8L);
    long to = lineStarts.getLong((locationId + 1) * 8L);
    long insertion = lowerBound(from, to, step + 1);
    return insertion < to ? lineSteps.getInt(insertion * 4) : -1;
  }

  /** The first index in [from, to) of the location's steps whose step is >= target. */
  private long lowerBound(long from, long to, int target) {
    long low = from;
    long high = to;
    while (low < high) {
      long middle = (low + high) >>> 1;
      if (lineSteps.getInt(middle * 4) < target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  // ---- calls

  public int callCount() {
    return manifest.calls;
  }

  public int callFunction(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_FUNCTION);
  }

  public int callParent(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_PARENT);
  }

  public int callDepth(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_DEPTH);
  }

  /** The step at the call's first line, or -1. */
  public int callFirstStep(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_FIRST_STEP);
  }

  /** The first step of the call or of a call below it, or -1 when none of them has a step. */
  public int callSubtreeFirstStep(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_SUBTREE_FIRST_STEP);
  }

  /** The last step of the call or of a call below it, or -1. */
  public int callLastStep(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_LAST_STEP);
  }

  public int callFirstChild(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_FIRST_CHILD);
  }

  public int callNextSibling(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_NEXT_SIBLING);
  }

  public int callChildCount(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_CHILD_COUNT);
  }

  public boolean callReturned(int call) {
    return calls.getInt((long) call * CALL_SIZE + CALL_RETURNED) != 0;
  }

  public long callEventPosition(int call) {
    return calls.getLong((long) call * CALL_SIZE + CALL_EVENT_POSITION);
  }

  public long callReturnPosition(int call) {
    return calls.getLong((long) call * CALL_SIZE + CALL_RETURN_POSITION);
  }

  /**
   * The step of the line that made a call: its caller's last own step before the call's first,
   * past the calls the caller made before it on that line ({@code f(g(x))}: {@code f}'s caller's
   * line, not {@code g}'s last step). -1 when the caller has no step before it.
   */
  public int callerStep(int call) {
    int caller = callParent(call);
    int step = callSubtreeFirstStep(call) - 1;
    while (step >= 0 && caller >= 0) {
      int owner = stepCall(step);
      if (owner == caller) {
        return step;
      }
      if (owner < 0 || callDepth(owner) <= callDepth(caller)) {
        return -1;
      }
      step = callSubtreeFirstStep(ancestorAtDepth(owner, callDepth(caller) + 1)) - 1;
    }
    return -1;
  }

  /** The call's ancestor (or itself) at a depth. */
  public int ancestorAtDepth(int call, int depth) {
    int current = call;
    while (current >= 0 && callDepth(current) > depth) {
      current = callParent(current);
    }
    return current;
  }

  // ---- output

  public int outputCount() {
    return manifest.outputs;
  }

  public long outputPosition(int output) {
    return outputs.getLong((long) output * OUTPUT_SIZE + OUTPUT_POSITION);
  }

  public int outputStep(int output) {
    return outputs.getInt((long) output * OUTPUT_SIZE + OUTPUT_STEP);
  }

  public int outputKind(int output) {
    return outputs.getInt((long) output * OUTPUT_SIZE + OUTPUT_KIND);
  }

  /** The first output written at or after a step (binary search), {@link #outputCount()} if none. */
  public int firstOutputAtOrAfter(int step) {
    int low = 0;
    int high = outputCount();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (outputStep(middle) < step) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  // ---- timeline

  public int timelineBlocks() {
    return (int) (timeline.size() / TIMELINE_SIZE);
  }

  public static int timelineBlockSize() {
    return TIMELINE_BLOCK;
  }

  public int blockMinDepth(int block) {
    return timeline.getInt((long) block * TIMELINE_SIZE);
  }

  public int blockMaxDepth(int block) {
    return timeline.getInt((long) block * TIMELINE_SIZE + 4);
  }

  public int blockCalls(int block) {
    return timeline.getInt((long) block * TIMELINE_SIZE + 8);
  }

  public int blockOutputs(int block) {
    return timeline.getInt((long) block * TIMELINE_SIZE + 12);
  }

  @Override
  public void close() {
    try {
      for (MappedFile file : List.of(steps, calls, outputs, timeline, lineSteps, lineStarts)) {
        file.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
