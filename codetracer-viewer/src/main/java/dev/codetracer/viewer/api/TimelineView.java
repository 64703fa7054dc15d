package dev.codetracer.viewer.api;

import dev.codetracer.viewer.index.RecordingIndex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run at a glance, downsampled to the buckets the page can draw: per bucket of steps the
 * shallowest and deepest call depth, the calls made and the output written. Wide buckets are
 * summed from the index's blocks of steps; narrow ones (zoomed in) from the steps themselves.
 */
public final class TimelineView {
  public static final int MAX_BUCKETS = 4000;

  private final RecordingIndex index;

  public TimelineView(RecordingIndex index) {
    this.index = index;
  }

  public Map<String, Object> range(int from, int to, int buckets) {
    int steps = index.stepCount();
    int start = Math.max(0, Math.min(from, steps));
    int end = Math.max(start, Math.min(to < 0 ? steps : to, steps));
    int span = end - start;
    int count = Math.max(1, Math.min(Math.min(buckets, MAX_BUCKETS), Math.max(1, span)));
    long stepsPerBucket = span == 0 ? 1 : (span + count - 1) / count;
    int[] minDepth = new int[count];
    int[] maxDepth = new int[count];
    int[] calls = new int[count];
    int[] outputs = new int[count];
    java.util.Arrays.fill(minDepth, -1);
    java.util.Arrays.fill(maxDepth, -1);
    int block = RecordingIndex.timelineBlockSize();
    if (stepsPerBucket >= block) {
      for (int b = start / block; b <= (end - 1) / block && b < index.timelineBlocks(); b++) {
        int bucket = (int) Math.min(count - 1, Math.max(0, ((long) b * block - start) / stepsPerBucket));
        merge(minDepth, maxDepth, bucket, index.blockMinDepth(b), index.blockMaxDepth(b));
        calls[bucket] += index.blockCalls(b);
        outputs[bucket] += index.blockOutputs(b);
      }
    } else {
      for (int step = start; step < end; step++) {
        int bucket = (int) ((step - start) / stepsPerBucket);
        int depth = index.stepDepth(step);
        merge(minDepth, maxDepth, bucket, depth, depth);
        int call = index.stepCall(step);
        if (call >= 0 && index.callFirstStep(call) == step) {
          calls[bucket]++;
        }
      }
      for (int o = index.firstOutputAtOrAfter(start); o < index.outputCount() && index.outputStep(o) < end; o++) {
        outputs[(int) ((index.outputStep(o) - start) / stepsPerBucket)]++;
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", start);
    json.put("to", end);
    json.put("steps_per_bucket", stepsPerBucket);
    json.put("min_depth", minDepth);
    json.put("max_depth", maxDepth);
    json.put("calls", calls);
    json.put("outputs", outputs);
    return json;
  }

  private static void merge(int[] minDepth, int[] maxDepth, int bucket, int min, int max) {
    if (min < 0) {
      return;
    }
    minDepth[bucket] = minDepth[bucket] < 0 ? min : Math.min(minDepth[bucket], min);
    maxDepth[bucket] = Math.max(maxDepth[bucket], max);
  }
}
