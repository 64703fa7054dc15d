package dev.codetracer.agent.runtime;

import dev.codetracer.agent.values.TrustedCollections;
import dev.codetracer.agent.values.ValueCapture;
import dev.codetracer.core.jvm.RawEvents;

/**
 * What instrumented code calls. Each probe checks that it runs on the recording thread and stores
 * one {@code long} (two for a long or double value) into the current chunk: no allocation, no
 * lock, no boxing on the path a step or a primitive value takes. Reference values are kept as
 * they are when immutable, else snapshotted ({@link dev.codetracer.agent.values.ValueCapture}).
 *
 * <p>The fields are written only by the recording thread itself (and by {@link RecordingControl}
 * under its lock when a recording starts or stops), so no other thread can ever match {@link
 * #thread}.
 */
public final class Probes {
  static Thread thread;
  static long[] events;
  static int position;
  static int eventLimit;
  static Object[] refs;
  /** Calls minus returns since the recording started: with the slot, which variable a value is. */
  static int depth;
  static int refPosition;
  static int refLimit;
  /**
   * The recording thread after an exception left its outermost recorded call: its output is still
   * logged, its code again only once {@link RecordingControl#resumes} finds that the JVM is not
   * handling that exception as uncaught.
   */
  static Thread suspended;
  private static Thread lastOther;
  /**
   * The depth of the outermost constructor of a record running on the recording thread, else -1.
   * Meanwhile records are snapshotted at once: one under construction can escape its constructor
   * ({@code peek(this)}) before all its fields are set, and kept as it is, it would show them set.
   */
  private static int recordConstructorDepth = -1;

  private Probes() {}

  // The probes are kept under 35 bytes of bytecode (and put() too), so that C1, which inlines
  // only methods that small, inlines them while a method is not yet compiled by C2.

  public static void step(int probe) {
    if (Thread.currentThread() == thread) {
      put(probe);
    }
  }

  /**
   * A counted loop was left after {@code visits} visits of its step probes, which stand for as
   * many steps (its probes in turn); {@code loop} -1: none was pending.
   */
  public static void loop(int loop, long visits) {
    if (loop >= 0 && visits > 0 && Thread.currentThread() == thread) {
      putWide(RawEvents.loop(loop), visits);
    }
  }

  public static void call(int method) {
    Thread current = Thread.currentThread();
    if (current == thread) {
      depth++;
      put(RawEvents.call(method));
    } else if (current != lastOther) {
      otherThread(current, method);
    }
  }

  /**
   * After a call of {@code CodeTracer.start} in a recorded method: when it started recording this
   * thread, the method is entered now (its variables' values follow).
   */
  public static void recordingStarted(boolean started, int method) {
    if (started && Thread.currentThread() == thread) {
      depth++;
      put(RawEvents.call(method));
    }
  }

  private static void otherThread(Thread current, int method) {
    if (current == suspended) {
      if (RecordingControl.resumes(current)) {
        depth++;
        put(RawEvents.call(method));
      } else {
        lastOther = current;
      }
    } else if (thread != null) {
      lastOther = current;
      RecordingControl.otherThread(current);
    }
  }

  public static void ret(int method) {
    if (Thread.currentThread() == thread) {
      depth--;
      put(RawEvents.ret(method));
    }
  }

  /** A record's constructor has called {@code super()}: records are snapshotted at once until it returns. */
  public static void recordConstructing() {
    if (Thread.currentThread() == thread && (recordConstructorDepth < 0 || recordConstructorDepth > depth)) {
      recordConstructorDepth = depth;
      RecordingControl.capture().recordsUnderConstruction(true);
    }
  }

  /** A record's constructor returns: when it is the outermost, records may be kept as they are again. */
  public static void recordConstructed() {
    if (Thread.currentThread() == thread && recordConstructorDepth == depth) {
      endRecordConstruction();
    }
  }

  private static void endRecordConstruction() {
    recordConstructorDepth = -1;
    RecordingControl.capture().recordsUnderConstruction(false);
  }

  /** A constructor calls {@code super(...)} or {@code this(...)} (see {@link SuperCalls}). */
  public static void superCall(int method) {
    if (Thread.currentThread() == thread) {
      SuperCalls.enter(method, depth);
    }
  }

  public static void superReturned() {
    if (Thread.currentThread() == thread) {
      SuperCalls.leave(depth);
    }
  }

  /**
   * A method left by an exception: the exception as its value, then the exit. A StackOverflowError
   * also loses the agent's frames it may start with ({@link OverflowTraces}).
   */
  public static void thrown(Throwable exception, int method) {
    try {
      Thread current = Thread.currentThread();
      if (current == thread) {
        depth--;
        if (recordConstructorDepth > depth) {
          endRecordConstruction(); // left by an exception, not by its return
        }
        byte[] value = RecordingControl.capture().exception(exception);
        putRef(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, RawEvents.RETURN_SLOT), 0), value);
        put(RawEvents.thrown(method));
        // a constructor whose super(...) this was leaves by the same exception
        for (int constructor = SuperCalls.leftBy(depth); constructor >= 0; constructor = SuperCalls.leftBy(depth)) {
          depth--;
          putRef(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, RawEvents.RETURN_SLOT), 0), value);
          put(RawEvents.thrown(constructor));
        }
        if (depth <= 0) {
          RecordingControl.suspend(current);
        }
      }
      if (exception instanceof StackOverflowError overflow) {
        OverflowTraces.hideAgentFrames(overflow);
      }
    } catch (VirtualMachineError e) {
      // the stack is still short: the exit goes unlogged (the expander unwinds the frame at its
      // caller's exit), and a shallower exit hides the agent's frames
    }
  }

  /**
   * Just before a recorded method calls {@code Runtime.halt(status)}, on any thread: no shutdown
   * hook will run, so the recording ends here, as the hook ends it at {@code System.exit}
   * ({@link RecordingControl#halting}). Never throws: the halt goes on whatever happens here.
   */
  public static void halting(int status) {
    try {
      RecordingControl.halting(status);
    } catch (Throwable e) {
      // the JVM halts all the same; what the log holds is what codetracer record repairs
    }
  }

  /**
   * What a method reference to {@code Runtime.halt} made in recorded code calls instead ({@code
   * Runtime.getRuntime()::halt}): ends the recording as {@link #halting} does, then halts.
   */
  public static void haltThrough(Runtime runtime, int status) {
    halting(status);
    runtime.halt(status);
  }

  public static void valueI(int value, int meta) {
    if (Thread.currentThread() == thread) {
      put(RawEvents.value(meta, value));
    }
  }

  public static void valueF(float value, int meta) {
    if (Thread.currentThread() == thread) {
      put(RawEvents.value(meta, Float.floatToRawIntBits(value)));
    }
  }

  public static void valueJ(long value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putWide(RawEvents.value(meta, 0), value);
  }

  public static void valueD(double value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putWide(RawEvents.value(meta, 0), Double.doubleToRawLongBits(value));
  }

  public static void valueA(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putRef(RawEvents.value(meta, 0), RecordingControl.capture().capture(value, depth, meta & 0xFFFF));
  }

  /** The value a method whose name the redaction pattern matches returns: the marker, never the value. */
  public static void redacted(int meta) {
    if (Thread.currentThread() == thread) {
      putRef(RawEvents.value(meta, 0), ValueCapture.REDACTED);
    }
  }

  /** {@code this} at the start of its constructor. */
  public static void valueInit(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putRef(RawEvents.value(meta, 0), RecordingControl.capture().captureConstructing(value, depth, meta & 0xFFFF));
  }

  /** {@code this} re-snapshotted in its constructor. */
  public static void refreshInit(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putRefreshed(RecordingControl.capture().refreshConstructing(value, depth, meta & 0xFFFF), meta);
  }

  /** A variable re-snapshotted after a line that may have changed the object it holds. */
  public static void refreshA(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putRefreshed(RecordingControl.capture().refresh(value, depth, meta & 0xFFFF), meta);
  }

  /**
   * A variable re-snapshotted after a line whose only changes were builders grown at their end
   * ({@code MutationFlow.onlyGrewBuilders}): a builder it holds is read past its last snapshot.
   */
  public static void refreshGrown(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putRefreshed(RecordingControl.capture().refreshGrown(value, depth, meta & 0xFFFF), meta);
  }

  /**
   * A variable re-snapshotted only when the guarded calls of the line may have changed what it
   * shows ({@link GuardedLine}); else "the same" is logged at once, since a run of lines expects
   * one event from each of its value probes.
   */
  public static void refreshIfChanged(Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    int slot = meta & 0xFFFF;
    putRefreshed(GuardedLine.mayHaveChanged(value, depth, slot) ? RecordingControl.capture().refresh(value, depth, slot) : ValueCapture.SAME, meta);
  }

  /** After a line's re-snapshots: what its guarded calls found has been used. */
  public static void settle() {
    if (Thread.currentThread() == thread) {
      GuardedLine.settle(depth);
    }
  }

  // Guards, called just before a call on a java.util collection, iterator or entry that changes
  // nothing or only its receiver when the receiver is one of the JDK's own (TrustedCollections).

  public static void guardRead(Object receiver) {
    if (Thread.currentThread() == thread) {
      GuardedLine.found(TrustedCollections.read(receiver), receiver, depth);
    }
  }

  public static void guardNext(Object iterator) {
    if (Thread.currentThread() == thread) {
      GuardedLine.found(TrustedCollections.next(iterator), iterator, depth);
    }
  }

  public static void guardLookup(Object receiver, Object key) {
    if (Thread.currentThread() == thread) {
      GuardedLine.found(TrustedCollections.lookup(receiver, key), receiver, depth);
    }
  }

  public static void guardAdd(Object receiver, Object element) {
    if (Thread.currentThread() == thread) {
      GuardedLine.found(TrustedCollections.add(receiver, element), receiver, depth);
    }
  }

  public static void guardPut(Object receiver, Object key) {
    if (Thread.currentThread() == thread) {
      GuardedLine.found(TrustedCollections.put(receiver, key), receiver, depth);
    }
  }

  /** A re-snapshot's outcome: "the same as before" in one event (kind K_SAME), else the new snapshot. */
  private static void putRefreshed(Object kept, int meta) {
    if (kept == ValueCapture.SAME) {
      put(RawEvents.value((meta & ~(0xF << 24)) | RawEvents.K_SAME << 24, 0));
    } else {
      putRef(RawEvents.value(meta, 0), kept);
    }
  }

  /** An int-like element stored into the array held by a local ({@code meta}: its kind and slot). */
  public static void elementI(int index, int value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putWide(RawEvents.element(meta & 0xFFFF, index), RawEvents.value((meta & ~0xFFFF) | RawEvents.ELEMENT_SLOT, value));
  }

  public static void elementF(int index, float value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    putWide(RawEvents.element(meta & 0xFFFF, index), RawEvents.value((meta & ~0xFFFF) | RawEvents.ELEMENT_SLOT, Float.floatToRawIntBits(value)));
  }

  public static void elementA(int index, Object value, int meta) {
    if (Thread.currentThread() != thread) {
      return;
    }
    put(RawEvents.element(meta & 0xFFFF, index));
    putRef(RawEvents.value((meta & ~0xFFFF) | RawEvents.ELEMENT_SLOT, 0), RecordingControl.capture().capture(value));
  }

  /** Bytes the recording thread wrote to standard output or error. */
  static void output(int stream, byte[] bytes, int offset, int length) {
    Thread current = Thread.currentThread();
    if (current != thread && current != suspended) {
      return;
    }
    putRef(RawEvents.output(stream), java.util.Arrays.copyOfRange(bytes, offset, offset + length));
  }

  private static void put(long event) {
    int p = position;
    events[p++] = event;
    position = p;
    if (p >= eventLimit) {
      RecordingControl.handOff();
    }
  }

  private static void putWide(long event, long bits) {
    int p = position;
    long[] e = events;
    e[p] = event;
    e[p + 1] = bits;
    p += 2;
    position = p;
    if (p >= eventLimit) {
      RecordingControl.handOff();
    }
  }

  private static void putRef(long event, Object ref) {
    int r = refPosition;
    refs[r++] = ref;
    refPosition = r;
    int p = position;
    events[p++] = event;
    position = p;
    if (p >= eventLimit || r >= refLimit) {
      RecordingControl.handOff();
    }
  }

  /** Nothing more of the recording thread is logged, its output included. */
  static void stopLogging() {
    thread = null;
    suspended = null;
  }

  /** Makes a chunk current (under RecordingControl's lock). */
  static void install(Chunk chunk) {
    events = chunk.events;
    position = 0;
    eventLimit = chunk.events.length - 2;
    refs = chunk.refs;
    refPosition = 0;
    refLimit = chunk.refs.length;
  }

  /** Writes the fill levels back into the chunk being taken away. */
  static void collect(Chunk chunk) {
    chunk.size = position;
    chunk.refCount = refPosition;
  }
}
