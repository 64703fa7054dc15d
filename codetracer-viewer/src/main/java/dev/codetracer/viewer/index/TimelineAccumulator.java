package dev.codetracer.viewer.index;

/**
 * Sums up blocks of {@link IndexLayout#TIMELINE_BLOCK} steps while the index is built: the
 * shallowest and deepest call, the calls made and the output written in each block. Steps come
 * in order, so one block is open at a time.
 */
final class TimelineAccumulator {
  private final MappedFile file;
  private int block;
  private int minDepth = Integer.MAX_VALUE;
  private int maxDepth = Integer.MIN_VALUE;
  private int calls;
  private int outputs;
  private boolean touched;

  TimelineAccumulator(MappedFile file) {
    this.file = file;
  }

  void step(int step, int depth) {
    moveTo(step);
    minDepth = Math.min(minDepth, depth);
    maxDepth = Math.max(maxDepth, depth);
  }

  void call(int step) {
    moveTo(step);
    calls++;
  }

  void output(int step) {
    moveTo(step);
    outputs++;
  }

  /** Writes the open block and the empty ones up to {@code blocks}. */
  void finish(int steps) {
    int blocks = (steps + IndexLayout.TIMELINE_BLOCK - 1) / IndexLayout.TIMELINE_BLOCK;
    if (touched || block < blocks) {
      write();
    }
    for (int b = block + 1; b < blocks; b++) {
      block = b;
      reset();
      write();
    }
  }

  private void moveTo(int step) {
    int target = Math.max(0, step) / IndexLayout.TIMELINE_BLOCK;
    while (target > block) {
      write();
      block++;
      reset();
    }
    touched = true;
  }

  private void write() {
    long at = (long) block * IndexLayout.TIMELINE_SIZE;
    file.putInt(at, minDepth == Integer.MAX_VALUE ? -1 : minDepth);
    file.putInt(at + 4, maxDepth == Integer.MIN_VALUE ? -1 : maxDepth);
    file.putInt(at + 8, calls);
    file.putInt(at + 12, outputs);
  }

  private void reset() {
    minDepth = Integer.MAX_VALUE;
    maxDepth = Integer.MIN_VALUE;
    calls = 0;
    outputs = 0;
    touched = false;
  }
}
