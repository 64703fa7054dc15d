package dev.codetracer.core.jvm;

import java.util.Arrays;

/**
 * The change log's events on disk: each {@link RawEvents} long re-encoded by the writer thread
 * into a few bytes, since the recording thread produces them faster than a disk takes 8 bytes
 * each. A header varint {@code id << 3 | tag} (the probe id of a step, the method of a call or
 * return, {@code slot << 4 | kind} of a value, the stream of an output), then a value's payload:
 * nothing for a reference, the IEEE bits of a float (4 bytes) or double (8 bytes), else a
 * zigzag varint.
 *
 * <p>A loop's steps and calls repeat a short sequence: a run of at least {@value #MIN_RUN} steps,
 * calls, returns or throws equal to the events {@code distance} back (in the same chunk) is
 * written as a repeat: header {@code (distance << 1) << 3 | 7}, then the run's length as a varint.
 * Finding one costs a table look-up per event, and a comparison per event of the run. Header tag 7
 * with an odd id is a {@code LOOP} event instead: {@code (loop << 1 | 1) << 3 | 7}, then its
 * visits as a varint.
 *
 * <p>The encoder also tells its caller, through {@link Literals}, of every step, call, return or
 * throw it writes out one by one, and of every event that refers to one of the chunk's objects,
 * and sums a weight per event (the lines a step stands for, say) over the chunk, the events a
 * repeat copies included: the agent's writer learns what a chunk uses in the same pass that
 * encodes it, and only from the events that are not repeats.
 */
public final class EventCodec {
  /** The header tag of a repeat, or of a loop event (the other event tags use 0 to 6). */
  static final int REPEAT_OR_LOOP = 7;
  /** The shortest run written as a repeat: its header and length take about as much as 4 steps. */
  static final int MIN_RUN = 4;
  private static final int POSITIONS = 1 << 12;
  /** The weights {@link #visit} remembers, by hash of the event. */
  private static final int KNOWN_WEIGHTS = 1 << 8;
  /** No step, call, return or throw: what an empty entry of {@link #visit}'s weights holds. */
  private static final long NO_EVENT = (long) RawEvents.LOOP << 60;
  // What visit does with an event: one table look-up, instead of tests of its tag and kind
  private static final byte PASS = 0;
  private static final byte WEIGH = 1;
  private static final byte PASS_WIDE = 2;
  private static final byte REFER = 3;
  private static final byte COUNT_LOOP = 4;
  private static final byte[] VISITS = visitsByTopByte();

  private byte[] bytes = new byte[1 << 16];
  private int size;
  /** By hash of an event: 1 + its last position in the chunk being encoded (0: none). */
  private final int[] lastPosition = new int[POSITIONS];
  /** The summed weights of the events before each position of the chunk being encoded. */
  private long[] weightsBefore = new long[1 << 10];

  /** What the encoder tells its caller of the events it writes out one by one, in order. */
  public interface Literals {
    /**
     * A step, call, return or throw written out (not copied by a repeat).
     *
     * @return its weight; a repeat's copy weighs what the event it copies weighed
     */
    long literal(long event);

    /**
     * A loop event and its visits.
     *
     * @return the weight of the steps it stands for
     */
    long loop(long event, long visits);

    /**
     * A value of a kept object (kind {@code K_REF}) or an output: an event whose object is the
     * chunk's next reference.
     */
    void reference(long event);
  }

  /** Hears nothing; every event weighs 0. */
  public static final Literals NO_LITERALS =
      new Literals() {
        @Override
        public long literal(long event) {
          return 0;
        }

        @Override
        public long loop(long event, long visits) {
          return 0;
        }

        @Override
        public void reference(long event) {}
      };

  public byte[] bytes() {
    return bytes;
  }

  public int size() {
    return size;
  }

  /**
   * Tells {@code literals} of the events as {@link #encode} would if none repeated, without
   * encoding them, but of a step, call, return or throw equal to one told before only if the
   * weight it got was forgotten; returns their summed weights. For a chunk copied as it is, when
   * the writer is behind: a few operations an event, and no call for most.
   */
  public static long visit(long[] events, int count, Literals literals) {
    long[] known = new long[KNOWN_WEIGHTS];
    long[] weights = new long[KNOWN_WEIGHTS];
    Arrays.fill(known, NO_EVENT);
    byte[] visits = VISITS;
    long sum = 0;
    for (int i = 0; i < count; i++) {
      long event = events[i];
      int visit = visits[(int) (event >>> 56)];
      if (visit == PASS) {
        continue;
      }
      if (visit == WEIGH) {
        int slot = (int) (event ^ (event >>> 29)) & (KNOWN_WEIGHTS - 1);
        if (known[slot] != event) {
          known[slot] = event;
          weights[slot] = literals.literal(event);
        }
        sum += weights[slot];
      } else if (visit == PASS_WIDE) {
        i++;
      } else if (visit == REFER) {
        literals.reference(event);
      } else {
        sum += literals.loop(event, events[++i]);
      }
    }
    return sum;
  }

  /** What {@link #visit} does with an event, by its top byte (its tag, and a value's kind). */
  private static byte[] visitsByTopByte() {
    byte[] visits = new byte[256];
    for (int topByte = 0; topByte < visits.length; topByte++) {
      int tag = topByte >>> 4;
      int kind = topByte & 0xF;
      if (tag <= RawEvents.THROW) {
        visits[topByte] = WEIGH;
      } else if (tag == RawEvents.VALUE && kind == RawEvents.K_REF || tag == RawEvents.OUTPUT) {
        visits[topByte] = REFER;
      } else if (tag == RawEvents.VALUE && RawEvents.isWide(kind)) {
        visits[topByte] = PASS_WIDE;
      } else if (tag == RawEvents.LOOP) {
        visits[topByte] = COUNT_LOOP;
      } else {
        visits[topByte] = PASS;
      }
    }
    return visits;
  }

  /** Encodes {@code count} events (replacing what was encoded before). */
  public void encode(long[] events, int count) {
    encode(events, count, NO_LITERALS);
  }

  /**
   * Encodes {@code count} events (replacing what was encoded before), telling {@code literals} of
   * those written out one by one; returns the events' summed weights.
   */
  public long encode(long[] events, int count, Literals literals) {
    size = 0;
    ensure(count * 3 + 16);
    Arrays.fill(lastPosition, 0);
    if (weightsBefore.length < count + 1) {
      weightsBefore = new long[Math.max(count + 1, 2 * weightsBefore.length)];
    }
    long[] before = weightsBefore;
    before[0] = 0;
    for (int i = 0; i < count; i++) {
      long event = events[i];
      int tag = RawEvents.tag(event);
      if (tag <= RawEvents.THROW) {
        int slot = (int) (event ^ (event >>> 29)) & (POSITIONS - 1);
        int earlier = lastPosition[slot] - 1;
        lastPosition[slot] = i + 1;
        if (earlier >= 0 && events[earlier] == event) {
          int distance = i - earlier;
          int run = runAt(events, i, count, distance);
          if (run >= MIN_RUN) {
            ensure(20);
            varint(((long) distance << 4) | REPEAT_OR_LOOP);
            varint(run);
            // a run's events are single longs copied from as many before them: so are their weights
            for (int k = i; k < i + run; k++) {
              before[k + 1] = before[k] + before[k - distance + 1] - before[k - distance];
            }
            i += run - 1;
            continue;
          }
        }
        ensure(10);
        varint(((long) RawEvents.id(event) << 3) | tag);
        before[i + 1] = before[i] + literals.literal(event);
      } else if (tag == RawEvents.VALUE) {
        int kind = RawEvents.kind(event);
        if (kind == RawEvents.K_REF) {
          literals.reference(event);
        }
        before[i + 1] = before[i];
        ensure(24);
        varint(((long) (RawEvents.slot(event) << 4 | kind) << 3) | tag);
        switch (kind) {
          case RawEvents.K_REF:
          case RawEvents.K_SAME:
            break;
          case RawEvents.K_FLOAT:
            fixed(RawEvents.payload(event) & 0xFFFF_FFFFL, 4);
            break;
          case RawEvents.K_DOUBLE:
            fixed(events[++i], 8);
            before[i + 1] = before[i];
            break;
          case RawEvents.K_LONG:
            long value = events[++i];
            varint((value << 1) ^ (value >> 63));
            before[i + 1] = before[i];
            break;
          default:
            long payload = RawEvents.payload(event);
            varint((payload << 1) ^ (payload >> 63));
        }
      } else if (tag == RawEvents.LOOP) {
        long visits = events[++i];
        before[i] = before[i - 1] + literals.loop(event, visits);
        before[i + 1] = before[i];
        ensure(20);
        varint(((long) RawEvents.id(event) << 4) | 1 << 3 | REPEAT_OR_LOOP);
        varint(visits);
      } else if (tag == RawEvents.ELEMENT) {
        before[i + 1] = before[i];
        ensure(20);
        varint(((long) RawEvents.slot(event) << 3) | tag);
        varint(RawEvents.payload(event) & 0xFFFF_FFFFL);
      } else {
        literals.reference(event);
        before[i + 1] = before[i];
        ensure(10);
        varint(((long) RawEvents.id(event) << 3) | tag);
      }
    }
    return before[count];
  }

  /** How many events from {@code from} on are steps, calls, returns or throws equal to those {@code distance} back. */
  private static int runAt(long[] events, int from, int count, int distance) {
    int i = from;
    while (i < count) {
      long event = events[i];
      if (event != events[i - distance] || RawEvents.tag(event) > RawEvents.THROW) {
        break;
      }
      i++;
    }
    return i - from;
  }

  /** Decodes {@code count} longs (a value's payload long counts) from {@code bytes}. */
  public static long[] decode(byte[] bytes, int offset, int length, int count) {
    long[] events = new long[count];
    ByteReader in = new ByteReader(bytes, offset);
    int end = offset + length;
    int n = 0;
    while (in.position() < end && n < count) {
      long header = in.varlong();
      int tag = (int) (header & 7);
      long id = header >>> 3;
      switch (tag) {
        case RawEvents.STEP:
          events[n++] = (int) id;
          break;
        case RawEvents.CALL:
          events[n++] = RawEvents.call((int) id);
          break;
        case RawEvents.RETURN:
          events[n++] = RawEvents.ret((int) id);
          break;
        case RawEvents.THROW:
          events[n++] = RawEvents.thrown((int) id);
          break;
        case RawEvents.OUTPUT:
          events[n++] = RawEvents.output((int) id);
          break;
        case REPEAT_OR_LOOP: {
          long run = in.varlong();
          if ((id & 1) == 1) {
            if (n + 2 > count) {
              throw new IllegalStateException("a loop event in the change log reaches outside its chunk");
            }
            events[n++] = RawEvents.loop((int) (id >>> 1));
            events[n++] = run;
            break;
          }
          id >>>= 1;
          if (id < 1 || id > n || run > count - n) {
            throw new IllegalStateException("a repeat in the change log reaches outside its chunk");
          }
          int distance = (int) id;
          for (long k = 0; k < run; k++, n++) {
            events[n] = events[n - distance];
          }
          break;
        }
        case RawEvents.ELEMENT:
          events[n++] = RawEvents.element((int) id, (int) in.varlong());
          break;
        case RawEvents.VALUE: {
          int kind = (int) (id & 0xF);
          int meta = RawEvents.valueMeta(kind, (int) (id >>> 4));
          switch (kind) {
            case RawEvents.K_REF:
            case RawEvents.K_SAME:
              events[n++] = RawEvents.value(meta, 0);
              break;
            case RawEvents.K_FLOAT:
              events[n++] = RawEvents.value(meta, (int) in.fixed(4));
              break;
            case RawEvents.K_DOUBLE:
              events[n++] = RawEvents.value(meta, 0);
              events[n++] = in.fixed(8);
              break;
            case RawEvents.K_LONG:
              events[n++] = RawEvents.value(meta, 0);
              events[n++] = in.zigzag();
              break;
            default:
              events[n++] = RawEvents.value(meta, (int) in.zigzag());
          }
          break;
        }
        default:
          throw new IllegalStateException("unknown event tag " + tag + " in the change log");
      }
    }
    return n == count ? events : Arrays.copyOf(events, n);
  }

  private void varint(long value) {
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private void fixed(long value, int length) {
    for (int shift = 8 * (length - 1); shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (value >>> shift);
    }
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
