package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One recording in progress: its folder, its thread, its chunk, and its writer, which starts only
 * when a first chunk is full (or the recording is kept): a short recording that is dropped (a
 * passing test) costs no thread and no file.
 */
final class Recording {
  final Path folder;
  final boolean createdFolder;
  final Thread thread;
  final Instant start = Instant.now();
  final Queue<RawDefinition> facts = new ConcurrentLinkedQueue<>();
  volatile String name;
  Chunk current;
  boolean stoppedAtCap;
  private final Set<Long> otherThreads = ConcurrentHashMap.newKeySet();
  private final WriterFactory writers;
  private ChunkWriter writer;

  /** Opens the change log and starts its writer thread. */
  interface WriterFactory {
    ChunkWriter open(Recording recording) throws IOException;
  }

  Recording(Path folder, boolean createdFolder, Thread thread, Chunk first, String name, WriterFactory writers) {
    this.folder = folder;
    this.createdFolder = createdFolder;
    this.thread = thread;
    this.current = first;
    this.name = name;
    this.writers = writers;
  }

  void fact(String key, Object value) {
    facts.add(new RawDefinition.Fact(key, value));
  }

  /** The writer, started on first use. */
  ChunkWriter writer() throws IOException {
    if (writer == null) {
      writer = writers.open(this);
    }
    return writer;
  }

  /** The writer if one was started, else null. */
  ChunkWriter startedWriter() {
    return writer;
  }

  @SuppressWarnings("deprecation")
  void otherThread(Thread other) {
    if (otherThreads.add(other.getId())) {
      fact("threads_unrecorded[]", other.getName());
    }
  }
}
