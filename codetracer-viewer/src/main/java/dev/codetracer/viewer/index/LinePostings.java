package dev.codetracer.viewer.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Groups the steps by location once the steps are written (a counting sort, in memory
 * proportional to the number of distinct lines): "the previous visit of this line" is then a
 * binary search.
 */
final class LinePostings {
  private LinePostings() {}

  static void build(MappedFile steps, int stepCount, int locationCount, Path folder) throws IOException {
    int[] counts = new int[locationCount];
    for (int step = 0; step < stepCount; step++) {
      counts[location(steps, step)]++;
    }
    long[] cursor = new long[locationCount];
    try (MappedFile starts = MappedFile.create(folder.resolve(IndexLayout.LINE_STARTS))) {
      long start = 0;
      for (int location = 0; location < locationCount; location++) {
        starts.putLong(location * 8L, start);
        cursor[location] = start;
        start += counts[location];
      }
      starts.putLong(locationCount * 8L, start);
    }
    try (MappedFile postings = MappedFile.create(folder.resolve(IndexLayout.LINE_STEPS))) {
      for (int step = 0; step < stepCount; step++) {
        int location = location(steps, step);
        postings.putInt(cursor[location]++ * 4, step);
      }
    }
  }

  private static int location(MappedFile steps, int step) {
    return steps.getInt((long) step * IndexLayout.STEP_SIZE + IndexLayout.STEP_LOCATION);
  }
}
