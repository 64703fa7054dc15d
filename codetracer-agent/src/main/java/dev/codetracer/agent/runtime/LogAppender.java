package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawLogWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends the chunks the writer's thread ({@link ChunkWriter}) prepared to the change log. A chunk
 * it encoded is appended at once, on that thread. A chunk to be copied as it is (the writer is
 * behind the recording thread) is queued for a thread of this appender's own, started then: the
 * copy to the file takes about as long as the writer's walk of the next chunk, and the machine
 * has a core for each while the recording thread waits for them. Whatever is queued keeps its
 * place: while anything is, every chunk is queued.
 */
final class LogAppender implements Runnable {
  /** Prepared chunks in flight: one being appended while the next is prepared. */
  private static final int PREPARED = 2;

  private final BlockingQueue<PreparedChunk> ready = new ArrayBlockingQueue<>(PREPARED + 1);
  private final BlockingQueue<PreparedChunk> empty = new ArrayBlockingQueue<>(PREPARED);
  /** Chunks queued and not appended yet: while there are any, only this appender's thread writes to the log. */
  private final AtomicInteger queued = new AtomicInteger();
  private final Path file;
  private final long maxBytes;
  private final ChunkWriter owner;
  private RawLogWriter log;
  /** Started for the first chunk queued; only the writer's thread starts it. */
  private Thread thread;

  LogAppender(Path file, long maxBytes, ChunkWriter owner) {
    this.file = file;
    this.maxBytes = maxBytes;
    this.owner = owner;
    for (int i = 0; i < PREPARED; i++) {
      empty.add(new PreparedChunk());
    }
  }

  /** Opens the log: on the writer's thread, so that the recording thread never waits for the file system. */
  void open() {
    try {
      log = new RawLogWriter(file);
    } catch (IOException e) {
      owner.failed(e);
    }
  }

  /** A prepared chunk to fill, once one is appended if both are in flight. */
  PreparedChunk empty() throws InterruptedException {
    return empty.take();
  }

  /** Appends a filled chunk, at once or after those queued; the log is closed after its end. */
  void append(PreparedChunk chunk) {
    // the end goes after the queue too once the thread runs, so that the thread ends with the log
    if (chunk.copied == null && queued.get() == 0 && (thread == null || !chunk.endsLog)) {
      appendAndRelease(chunk);
      return;
    }
    if (thread == null) {
      thread = new Thread(this, "codetracer-appender");
      thread.setDaemon(true);
      thread.start();
    }
    queued.incrementAndGet();
    ready.add(chunk);
  }

  /** Closes the log where it is, without its end record, after what is queued: the writer failed. */
  void abandon() {
    if (thread != null) {
      ready.add(PreparedChunk.ABANDON);
    } else {
      close();
    }
  }

  /** Waits until the log is closed, if a thread of this appender's closes it. */
  void join() throws InterruptedException {
    if (thread != null) {
      thread.join();
    }
  }

  @Override
  public void run() {
    try {
      while (true) {
        PreparedChunk chunk = ready.take();
        if (chunk == PreparedChunk.ABANDON) {
          close();
          return;
        }
        boolean last = chunk.endsLog;
        appendAndRelease(chunk);
        queued.decrementAndGet();
        if (last) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void appendAndRelease(PreparedChunk chunk) {
    if (log != null && !owner.hasFailed()) {
      appendTo(log, chunk);
    }
    if (chunk.copied != null) {
      owner.recycle(chunk.copied);
    }
    if (chunk.endsLog) {
      close();
    } else {
      chunk.clear();
      empty.add(chunk);
    }
  }

  private void appendTo(RawLogWriter log, PreparedChunk chunk) {
    try {
      log.definitions(chunk.definitions);
      if (chunk.endsLog) {
        log.end();
      } else if (chunk.copied != null) {
        log.rawEvents(chunk.copied.events, chunk.events, chunk.values.array(), chunk.values.size());
      } else {
        log.encodedEvents(chunk.events, chunk.codec, chunk.values.array(), chunk.values.size());
      }
      if (log.size() > maxBytes) {
        owner.reachedCap();
      }
    } catch (IOException e) {
      owner.failed(e);
    } catch (RuntimeException | Error e) {
      // a bug of ours, or no memory left: the recording ends here, the program must go on
      owner.failed(new IOException("the recorder's writer failed: " + e, e));
    }
  }

  private void close() {
    if (log == null) {
      return;
    }
    try {
      log.close();
    } catch (IOException e) {
      owner.failed(e);
    }
  }
}
