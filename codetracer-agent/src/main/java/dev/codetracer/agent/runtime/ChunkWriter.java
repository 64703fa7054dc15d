package dev.codetracer.agent.runtime;

import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.EventCodec;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The writer of one recording. Its thread takes full chunks, encodes each (or, when it is behind,
 * walks it to be copied as it is), encodes the reference values it holds, gathers the definitions
 * made since the last chunk, and has the {@link LogAppender} append all that to the change log;
 * the chunk comes back for the recording thread to fill again. It also watches the caps: past
 * them, it asks the recording thread (at its next hand-off) to stop logging.
 */
final class ChunkWriter implements Runnable {
  /**
   * Events in flight at most: enough that a burst of them (a test's worth) never waits for the
   * disk; the writer catches up after the burst, or at the end.
   */
  private static final int EVENTS_IN_FLIGHT = 1 << 22;
  private static final Chunk END = Chunk.marker();

  /** The events of each chunk. */
  private final int chunkEvents;
  /** Chunks in flight at most: {@link #EVENTS_IN_FLIGHT}, within 1/32 of the heap. */
  private final int pool;
  private final BlockingQueue<Chunk> full;
  private final BlockingQueue<Chunk> free;
  private int allocated;
  private final Queue<RawDefinition> facts;
  private final ValueCapture capture;
  private final ChunkLiterals literals = new ChunkLiterals();
  private final long maxSteps;
  private final long maxEvents;
  private final LogAppender appender;
  private final Thread thread;
  private int definitionsWritten;
  /** By method id: this log has its definitions (with its probes'). */
  private boolean[] methodsSeen = new boolean[0];
  /** The methods the chunk being written uses and this log does not define yet. */
  private final List<Integer> methodsToWrite = new ArrayList<>();
  /** The steps each probe stands for, as far as this writer has looked them up. */
  private int[] probeSteps = new int[0];
  /** The method of each probe, as far as this writer has looked them up. */
  private int[] probeMethods = new int[0];
  /** By loop: the steps of its first k probe visits once this log has seen it (its method defined), else null. */
  private long[][] stepsOfSeenLoops = new long[0][];
  /** By probe: the steps it stands for once this log has seen it (its method defined), else -1. */
  private int[] stepsOfSeenProbes = new int[0];
  private long steps;
  private long events;
  /** The last chunk encoded took under 2 bytes an event. */
  private boolean encodesWell = true;
  private volatile boolean capReached;
  /** Set by the writer or the appender: the log ends where it is, and the chunks still handed over are given back. */
  private volatile IOException failure;
  /** The end was taken: nothing more will be handed over. */
  private boolean ended;
  /** The appender was told to end the log, or to abandon it. */
  private boolean appenderEnded;

  ChunkWriter(Path file, int chunkEvents, Queue<RawDefinition> facts, ValueCapture capture, long maxSteps, long maxEvents,
      long maxBytes) {
    this.chunkEvents = chunkEvents;
    pool = (int) Math.max(4, Math.min(EVENTS_IN_FLIGHT / chunkEvents, Runtime.getRuntime().maxMemory() / 32 / Chunk.bytes(chunkEvents)));
    full = new ArrayBlockingQueue<>(pool + 1);
    free = new ArrayBlockingQueue<>(pool);
    this.facts = facts;
    this.capture = capture.forWriterThread();
    this.maxSteps = maxSteps;
    this.maxEvents = maxEvents;
    free.add(new Chunk(chunkEvents));
    allocated = 2;
    appender = new LogAppender(file, maxBytes, this);
    thread = new Thread(this, "codetracer-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void fact(String key, Object value) {
    facts.add(new RawDefinition.Fact(key, value));
  }

  /** Queues a full chunk and returns an empty one, waiting for the writer when it is behind. */
  Chunk exchange(Chunk chunk) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          full.put(chunk);
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      Chunk empty = free.poll();
      if (empty == null && allocated < pool) {
        allocated++;
        empty = new Chunk(chunkEvents);
      }
      while (empty == null) {
        try {
          empty = free.take();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      return empty;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean capReached() {
    return capReached;
  }

  /**
   * Queues a part of the current chunk to be written ahead of it (see {@link StallWatch}), unless
   * the writer has all the chunks it can hold already.
   */
  boolean offerPart(Chunk part) {
    return full.offer(part);
  }

  /** Writes the last chunk, ends the log and waits for both of the writer's threads. */
  void finish(Chunk last) throws IOException {
    boolean interrupted = false;
    try {
      full.add(last);
      full.add(END);
      while (true) {
        try {
          thread.join();
          appender.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void run() {
    try {
      appender.open();
      prepareUntilEnd();
    } catch (RuntimeException | Error e) {
      // a bug of ours, or no memory left: the recording ends here, the program must go on
      failed(new IOException("the recorder's writer failed: " + e, e));
      if (!appenderEnded) {
        appender.abandon();
      }
      if (!ended) {
        drainQuietly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void prepareUntilEnd() throws InterruptedException {
    while (true) {
      Chunk chunk = full.take();
      if (chunk == END) {
        ended = true;
        endLog();
        return;
      }
      if (failure != null) {
        recycle(chunk);
        continue;
      }
      PreparedChunk prepared = appender.empty();
      prepare(chunk, prepared);
      appender.append(prepared);
    }
  }

  private void endLog() throws InterruptedException {
    if (failure != null) {
      appender.abandon();
    } else {
      fact("raw_events", events);
      fact("raw_steps", steps);
      PreparedChunk end = appender.empty();
      end.definitions = definitionsDue();
      end.endsLog = true;
      appender.append(end);
    }
    appenderEnded = true;
  }

  private void prepare(Chunk chunk, PreparedChunk prepared) {
    if (chunk.written > 0 || chunk.refsWritten > 0) {
      Chunk whole = chunk;
      chunk = chunk.partUpTo(chunk.size, chunk.refCount); // what was not written ahead as a part
      recycle(whole);
    }
    literals.start(chunk, prepared.values);
    prepared.events = chunk.size;
    // Encoding costs the writer a few nanoseconds an event: when chunks queue up, the recording
    // thread is waiting on it, and copying them as they are keeps up; unless the last chunks
    // encoded to under 2 bytes an event (a loop's repeats), which is quicker than copying 8.
    if (full.isEmpty() || encodesWell) {
      // the same pass learns what the chunk uses, from the events that are not repeats
      steps += prepared.codec.encode(chunk.events, chunk.size, literals);
      encodesWell = prepared.codec.size() < 2L * chunk.size;
      recycle(chunk);
    } else {
      steps += EventCodec.visit(chunk.events, chunk.size, literals);
      prepared.copied = chunk; // handed back once appended
    }
    events += prepared.events;
    prepared.definitions = definitionsDue();
    if (steps > maxSteps || events > maxEvents) {
      capReached = true;
    }
  }

  /**
   * What a chunk uses, told event by event: the steps each probe stands for (and the methods of
   * probes seen first), the methods called, and the values and output to encode, in order.
   */
  private final class ChunkLiterals implements EventCodec.Literals {
    private Object[] refs;
    private int ref;
    private ValueEncoder encoder;

    void start(Chunk chunk, ValueEncoder encoder) {
      refs = chunk.refs;
      ref = 0;
      this.encoder = encoder;
    }

    @Override
    public long literal(long event) {
      int id = RawEvents.id(event);
      if (RawEvents.tag(event) == RawEvents.STEP) {
        int seen = id < stepsOfSeenProbes.length ? stepsOfSeenProbes[id] : -1;
        return seen >= 0 ? seen : firstSight(id);
      }
      if (id >= methodsSeen.length || !methodsSeen[id]) {
        uses(id);
      }
      return 0;
    }

    @Override
    public long loop(long event, long visits) {
      int id = RawEvents.id(event);
      long[] steps = id < stepsOfSeenLoops.length ? stepsOfSeenLoops[id] : null;
      if (steps == null) {
        steps = firstSightOfLoop(id);
        if (steps == null) {
          return visits;
        }
      }
      int probes = steps.length - 1;
      return visits / probes * steps[probes] + steps[(int) (visits % probes)];
    }

    @Override
    public void reference(long event) {
      if (RawEvents.tag(event) == RawEvents.OUTPUT) {
        byte[] bytes = (byte[]) refs[ref++];
        encoder.blob(bytes, 0, bytes.length);
      } else {
        capture.encodeKept(refs[ref++], encoder);
      }
    }
  }

  /** A probe this log has not seen: its method's definitions are due, and its steps noted. */
  private int firstSight(int probe) {
    if (probe >= probeSteps.length || probeSteps[probe] < 0) {
      Definitions definitions = Definitions.get();
      probeSteps = definitions.probeSteps();
      probeMethods = definitions.probeMethods();
    }
    if (probe >= probeSteps.length || probeSteps[probe] < 0) {
      return 1;
    }
    uses(probeMethods[probe]);
    if (probe >= stepsOfSeenProbes.length) {
      int old = stepsOfSeenProbes.length;
      stepsOfSeenProbes = Arrays.copyOf(stepsOfSeenProbes, Math.max(probe + 1, 2 * old + 64));
      Arrays.fill(stepsOfSeenProbes, old, stepsOfSeenProbes.length, -1);
    }
    stepsOfSeenProbes[probe] = probeSteps[probe];
    return probeSteps[probe];
  }

  /** A loop this log has not seen: its method's definitions are due; null when it is not defined. */
  private long[] firstSightOfLoop(int loop) {
    Definitions definitions = Definitions.get();
    long[][] steps = definitions.loopSteps();
    int[] methods = definitions.loopMethods();
    if (loop >= steps.length || steps[loop] == null) {
      return null;
    }
    uses(methods[loop]);
    if (loop >= stepsOfSeenLoops.length) {
      stepsOfSeenLoops = Arrays.copyOf(stepsOfSeenLoops, Math.max(loop + 1, 2 * stepsOfSeenLoops.length + 16));
    }
    stepsOfSeenLoops[loop] = steps[loop];
    return steps[loop];
  }

  private void uses(int method) {
    if (method < 0) {
      return;
    }
    if (method >= methodsSeen.length) {
      methodsSeen = Arrays.copyOf(methodsSeen, Math.max(method + 1, 2 * methodsSeen.length + 64));
    }
    if (!methodsSeen[method]) {
      methodsSeen[method] = true;
      methodsToWrite.add(method);
    }
  }

  /**
   * To write before a chunk: the layouts, type names and facts made since the last chunk, and the
   * methods (with their probes) the chunk uses first.
   */
  private List<RawDefinition> definitionsDue() {
    Definitions all = Definitions.get();
    int end = all.size();
    if (end == definitionsWritten && methodsToWrite.isEmpty() && facts.isEmpty()) {
      return List.of();
    }
    List<RawDefinition> definitions = all.sharedBetween(definitionsWritten, end);
    definitionsWritten = end;
    for (int method : methodsToWrite) {
      definitions.addAll(all.ofMethod(method));
    }
    methodsToWrite.clear();
    RawDefinition fact;
    while ((fact = facts.poll()) != null) {
      definitions.add(fact);
    }
    return definitions;
  }

  /** Hands a chunk back for the recording thread to fill again (a part is dropped). */
  void recycle(Chunk chunk) {
    chunk.clear();
    if (!chunk.part) {
      free.offer(chunk);
    }
  }

  void reachedCap() {
    capReached = true;
  }

  boolean hasFailed() {
    return failure != null;
  }

  /**
   * Ends the log here: the recording thread is asked to stop logging, and the chunks it still
   * hands over are given straight back, so that it never waits for the writer again.
   */
  void failed(IOException e) {
    if (failure == null) {
      failure = e;
    }
    capReached = true;
  }

  /** After a failure of the writer's thread: keep taking chunks so the program never blocks on a dead writer. */
  private void drainQuietly() {
    try {
      while (true) {
        Chunk chunk = full.take();
        if (chunk == END) {
          return;
        }
        recycle(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
