package dev.codetracer.viewer.index;

/**
 * The files of the viewer's index and their record layouts (little-endian). Changing any of them
 * means bumping {@link #FORMAT_VERSION}, which makes every older index be rebuilt.
 */
final class IndexLayout {
  static final int FORMAT_VERSION = 1;

  static final String MANIFEST = "index.json";
  static final String DEFINITIONS = "definitions.json";

  /** Per step: long position of its first event, int location id, int call id. */
  static final String STEPS = "steps.bin";
  static final int STEP_SIZE = 16;
  static final int STEP_POSITION = 0;
  static final int STEP_LOCATION = 8;
  static final int STEP_CALL = 12;

  /** Per call, in the order the calls were made. */
  static final String CALLS = "calls.bin";
  static final int CALL_SIZE = 64;
  static final int CALL_FUNCTION = 0;
  static final int CALL_PARENT = 4;
  static final int CALL_DEPTH = 8;
  /** The step at the call's first line (-1 when the call has none of its own). */
  static final int CALL_FIRST_STEP = 12;
  /** The first step of the call or of any call below it. */
  static final int CALL_SUBTREE_FIRST_STEP = 16;
  /** The last step of the call or of any call below it. */
  static final int CALL_LAST_STEP = 20;
  static final int CALL_FIRST_CHILD = 24;
  static final int CALL_NEXT_SIBLING = 28;
  static final int CALL_CHILD_COUNT = 32;
  static final int CALL_RETURNED = 36;
  static final int CALL_EVENT_POSITION = 40;
  static final int CALL_RETURN_POSITION = 48;

  /** Per Event (output) event: long position, int step, int EventLogKind. */
  static final String OUTPUTS = "outputs.bin";
  static final int OUTPUT_SIZE = 16;
  static final int OUTPUT_POSITION = 0;
  static final int OUTPUT_STEP = 8;
  static final int OUTPUT_KIND = 12;

  /** Per block of {@link #TIMELINE_BLOCK} steps: int min depth, int max depth, int calls made, int outputs. */
  static final String TIMELINE = "timeline.bin";
  static final int TIMELINE_BLOCK = 1024;
  static final int TIMELINE_SIZE = 16;

  /** The steps of each location, in order; {@link #LINE_STARTS} holds where each location's run begins. */
  static final String LINE_STEPS = "line-steps.bin";
  static final String LINE_STARTS = "line-starts.bin";

  private IndexLayout() {}
}
