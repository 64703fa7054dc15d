package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
  /** The other threads named in the metadata at most. */
  static final int NAMED_OTHER_THREADS = 20;
  private final Set<Long> otherThreads = ConcurrentHashMap.newKeySet();
  /** How many ids {@link #otherThreads} took: which of those threads arrived first, even at once. */
  private final AtomicInteger otherThreadsAdded = new AtomicInteger();
  private final WriterFactory writers;
  private ChunkWriter writer;
  /** Counted down when the recording stops: what its {@link StallWatch} waits for between looks. */
  private final CountDownLatch stopped = new CountDownLatch(1);

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

  /** The recording is no longer the current one. */
  void stopped() {
    stopped.countDown();
  }

  /** Waits at most {@code millis} for the recording to stop: true when it has. */
  boolean awaitStop(long millis) throws InterruptedException {
    return stopped.await(millis, TimeUnit.MILLISECONDS);
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

  /**
   * Another thread ran recorded code: the first {@value #NAMED_OTHER_THREADS} are named in the
   * metadata, and {@link #countOtherThreads} gives how many there were in all (a program that runs
   * its work on thousands of threads, virtual ones included, gets a short list).
   */
  @SuppressWarnings("deprecation")
  void otherThread(Thread other) {
    // the set's size can already count a thread arriving at the same time: the counter cannot
    if (otherThreads.add(other.getId()) && otherThreadsAdded.incrementAndGet() <= NAMED_OTHER_THREADS) {
      String name = other.getName();
      fact("threads_unrecorded[]", name.isEmpty() ? "#" + other.getId() + " (unnamed)" : name);
    }
  }

  /** Before the log ends: how many other threads ran recorded code, when more than were named. */
  void countOtherThreads() {
    int count = otherThreads.size();
    if (count > NAMED_OTHER_THREADS) {
      fact("threads_unrecorded_count", count);
    }
  }
}
