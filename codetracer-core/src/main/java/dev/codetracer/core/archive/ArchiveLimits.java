package dev.codetracer.core.archive;

/**
 * Bounds that protect an import from compression bombs: the total unpacked size, the number of
 * entries, and the expansion ratio of any entry big enough to matter.
 *
 * @param maxTotalBytes the most bytes an archive may unpack to
 * @param maxEntries the most entries an archive may hold
 * @param maxRatio the largest unpacked/packed ratio allowed for an entry above {@code
 *     ratioThresholdBytes}; recordings' JSON compresses well, so the default leaves room
 * @param ratioThresholdBytes entries smaller than this are not ratio-checked
 */
public record ArchiveLimits(long maxTotalBytes, int maxEntries, long maxRatio, long ratioThresholdBytes) {
  public static final long GIB = 1L << 30;

  public static ArchiveLimits defaults() {
    return new ArchiveLimits(64 * GIB, 1_000_000, 1_000, 1L << 20);
  }

  public ArchiveLimits withMaxTotalBytes(long bytes) {
    return new ArchiveLimits(bytes, maxEntries, maxRatio, ratioThresholdBytes);
  }

  public ArchiveLimits withMaxRatio(long ratio) {
    return new ArchiveLimits(maxTotalBytes, maxEntries, ratio, ratioThresholdBytes);
  }
}
