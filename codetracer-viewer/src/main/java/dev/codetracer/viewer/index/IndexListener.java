package dev.codetracer.viewer.index;

import dev.codetracer.core.archive.ProgressListener;
import java.nio.file.Path;

/** What a front end hears while an index is built: that it starts, how far it is, how it ended. */
public interface IndexListener {
  IndexListener SILENT = new IndexListener() {};

  /** Indexing of {@code stream} ({@code bytes} long) starts, into {@code indexFolder}. */
  default void started(Path stream, long bytes, Path indexFolder) {}

  default ProgressListener progress() {
    return ProgressListener.NONE;
  }

  default void finished(IndexManifest manifest) {}
}
