package dev.codetracer.agent.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One recording in progress: its folder, its thread, its writer. */
final class Recording {
  final Path folder;
  final boolean createdFolder;
  final Thread thread;
  final ChunkWriter writer;
  final Instant start = Instant.now();
  volatile String name;
  Chunk current;
  boolean stoppedAtCap;
  private final Set<Long> otherThreads = ConcurrentHashMap.newKeySet();

  Recording(Path folder, boolean createdFolder, Thread thread, ChunkWriter writer, String name) {
    this.folder = folder;
    this.createdFolder = createdFolder;
    this.thread = thread;
    this.writer = writer;
    this.name = name;
  }

  @SuppressWarnings("deprecation")
  void otherThread(Thread other) {
    if (otherThreads.add(other.getId())) {
      writer.fact("threads_unrecorded[]", other.getName());
    }
  }
}
