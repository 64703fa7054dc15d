package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.AgentOptions;
import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the recording thread keeps of a reference value, read without running the program's code
 * (fields are read directly, JDK collections through their internals; never {@code toString},
 * {@code equals}, {@code hashCode} or an iterator). Immutable values (strings, boxes, enums,
 * records of those) are kept as they are and encoded later by the writer thread, and so is a
 * copy of an array or JDK collection of them; anything else is snapshotted at once ({@link
 * SnapshotWriter}), since it may change before the writer sees it. A variable re-snapshotted
 * after a line that may have changed it comes out as {@link #SAME}, or as its growth or the
 * stretch of it that changed when that is all that happened ({@link ChangeDetector}).
 */
public final class ValueCapture {
  /** What {@link #refresh} returns for a value equal to the variable's last one. */
  public static final Object SAME = new Object();
  /** What is kept of a value that is never read: it matches the redaction pattern. */
  public static final Object REDACTED = encodedError("<redacted>");

  private static final int CACHED_DEPTHS = 64;
  private static final int CACHED_SLOTS = 32;
  /** Marks a variable whose last value was logged as a change of its previous one, not whole: only its fingerprint is known. */
  private static final byte[] KNOWN_BY_FINGERPRINT = new byte[0];
  /** Marks a variable whose last value cannot change and was kept as it is ({@link #keptAsIs}). */
  private static final byte[] KEPT_AS_IS = new byte[0];
  /** {@link #unreadable}'s answer when even describing the failure fails. */
  private static final byte[] UNREADABLE = encodedError("<unreadable>");
  /** A value whose reading ran out of stack: made in advance, since nothing may be called then. */
  private static final byte[] NO_STACK_LEFT = encodedError("<unreadable: StackOverflowError>");
  /** The exception a method was left by, when that is a StackOverflowError and describing it ran out of stack too. */
  private static final byte[] STACK_OVERFLOW = encodedError(StackOverflowError.class.getName());

  private final SnapshotWriter snapshots;
  private final ChangeDetector changes;
  private final ValueEncoder scratch = new ValueEncoder(1 << 12);

  /**
   * The last encoded snapshot and fingerprint of each variable, by call depth and slot. Every
   * encoded value of a variable passes through here (one kept as it is is marked {@link
   * #KEPT_AS_IS}, or clears the entry when it was encoded at once); a refresh
   * concerns a variable in scope, whose slot no other variable can have written since its own
   * last value.
   */
  private final byte[][][] lastSnapshot = new byte[CACHED_DEPTHS][][];
  private final Fingerprint[][] fingerprints = new Fingerprint[CACHED_DEPTHS][];
  /** The value itself, for a variable whose last value cannot change: the same object again is the same value. */
  private final Object[][] keptAsIs = new Object[CACHED_DEPTHS][];
  /**
   * A variable's value could not be captured for lack of stack or memory, and what is remembered
   * of it may be stale: all is forgotten at the next capture, when calls can be made again.
   */
  private boolean forgetRemembered;
  private final KeepPolicy keeping = new KeepPolicy();
  /** By class, what {@link #blankSnapshot} needs of it, and the last class it was asked about. */
  private final Map<Class<?>, BlankClass> blankClasses = new IdentityHashMap<>();
  private BlankClass lastBlankClass;

  public ValueCapture(AgentOptions options) {
    this(new SnapshotWriter(options.depth(), options.maxString(), options.maxElements(),
        SnapshotWriter.layouts(options.redact())));
  }

  private ValueCapture(SnapshotWriter snapshots) {
    this.snapshots = snapshots;
    this.changes = new ChangeDetector(snapshots, keeping);
  }

  /** A capture for the writer thread: its own scratch state, the same layouts. */
  public ValueCapture forWriterThread() {
    return new ValueCapture(snapshots.copy());
  }

  // The probes' entry points never throw into the program: whatever goes wrong reading a value,
  // the stack running out deep in a recursion included, is recorded as a marker instead. After a
  // VirtualMachineError they call nothing: with the stack used up, a call would overflow again,
  // in the agent's frame, and the program would catch an error thrown from the agent's code.

  /** What to keep for a reference value: the value itself when it cannot change, else its snapshot. */
  public Object capture(Object value) {
    try {
      return keep(value);
    } catch (VirtualMachineError e) {
      return e instanceof StackOverflowError ? NO_STACK_LEFT : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(e);
    }
  }

  /** Captures a variable's new value (a store, an argument) and remembers it for refreshes. */
  public Object capture(Object value, int depth, int slot) {
    try {
      return captureVariable(value, depth, slot);
    } catch (VirtualMachineError e) {
      forgetRemembered = true;
      return e instanceof StackOverflowError ? NO_STACK_LEFT : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(depth, slot, e);
    }
  }

  /** Re-captures a variable after code that may have changed it: {@link #SAME} when it did not. */
  public Object refresh(Object value, int depth, int slot) {
    return refresh(value, depth, slot, false);
  }

  /**
   * As {@link #refresh}, after code that changed no builder but by appending to it: a builder the
   * variable still holds starts as its last snapshot did, and is not compared with it.
   */
  public Object refreshGrown(Object value, int depth, int slot) {
    return refresh(value, depth, slot, true);
  }

  private Object refresh(Object value, int depth, int slot, boolean buildersOnlyGrew) {
    try {
      return refreshVariable(value, depth, slot, buildersOnlyGrew);
    } catch (VirtualMachineError e) {
      forgetRemembered = true;
      return e instanceof StackOverflowError ? NO_STACK_LEFT : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(depth, slot, e);
    }
  }

  /**
   * Whether a variable's last snapshot may show one of {@code targets}, the objects a line changed
   * through calls that change only their receiver: then it must be re-captured. True when its
   * snapshot is not known well enough to tell.
   */
  public boolean mayShow(Object value, int depth, int slot, Object[] targets, int count) {
    try {
      return mayShowAny(value, depth, slot, targets, count);
    } catch (Throwable e) {
      return true;
    }
  }

  /**
   * Captures {@code this} in its constructor: a record whose fields are still being assigned is
   * not yet immutable, so it is snapshotted now.
   */
  public Object captureConstructing(Object value, int depth, int slot) {
    try {
      return snapshotConstructing(value, depth, slot);
    } catch (VirtualMachineError e) {
      forgetRemembered = true;
      return e instanceof StackOverflowError ? NO_STACK_LEFT : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(depth, slot, e);
    }
  }

  /** Re-captures {@code this} in its constructor (see {@link #captureConstructing}). */
  public Object refreshConstructing(Object value, int depth, int slot) {
    try {
      return resnapshotConstructing(value, depth, slot);
    } catch (VirtualMachineError e) {
      forgetRemembered = true;
      return e instanceof StackOverflowError ? NO_STACK_LEFT : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(depth, slot, e);
    }
  }

  /** The value of a method left by an exception: its class and message, read from its fields. */
  public byte[] exception(Throwable exception) {
    try {
      scratch.reset();
      scratch.error(JdkInternals.describe(exception));
      return scratch.toByteArray();
    } catch (VirtualMachineError e) {
      return exception instanceof StackOverflowError ? STACK_OVERFLOW : UNREADABLE;
    } catch (Throwable e) {
      return unreadable(e);
    }
  }

  /**
   * Whether records may be kept as they are: not while one is being constructed on this thread,
   * since it may escape its constructor with fields still to be set ({@code peek(this)}).
   */
  public void recordsUnderConstruction(boolean constructing) {
    keeping.recordsUnderConstruction(constructing);
  }

  private Object keep(Object value) throws ReflectiveOperationException {
    if (value == null) {
      return null;
    }
    ValueKind kind = ValueKind.of(value.getClass());
    if (kind.isImmutable()) {
      return keeping.canKeep(kind) ? value : snapshot(value);
    }
    Object copy = copyOfImmutables(value);
    return copy != null ? copy : snapshot(value);
  }

  /**
   * An array, collection or map whose shown elements all cannot change (such as {@code
   * String.split}'s array, or a list of records of strings), as a copy of those elements ({@link
   * KeptElements}): the container as it is now, which the writer thread can encode later, as it
   * does immutable values. Null for any other value, or when the snapshot shows no elements (depth
   * 0).
   */
  private Object copyOfImmutables(Object value) throws ReflectiveOperationException {
    if (snapshots.maxDepth() < 1) {
      return null;
    }
    if (value instanceof Object[] array) {
      // copied into an Object[]: clone() and a copy of the array's own type call into the VM in C1's code
      return array.length <= snapshots.maxElements() && keeping.canKeepAll(array, 0, array.length)
          ? new KeptElements(array.getClass(), false, array.length, Arrays.copyOf(array, array.length, Object[].class))
          : null;
    }
    ValueKind kind = ValueKind.ofValue(value);
    if (kind != ValueKind.COLLECTION && kind != ValueKind.MAP) {
      return null;
    }
    boolean map = kind == ValueKind.MAP;
    Elements elements = snapshots.reusableElements(1);
    elements.reset(map);
    try {
      int total = JdkCollections.readerFor(value.getClass()).read(value, elements);
      return keeping.canKeepAll(elements.items, 0, elements.count)
          ? new KeptElements(value.getClass(), map, total, Arrays.copyOf(elements.items, elements.count))
          : null;
    } finally {
      elements.reset(false);
    }
  }

  private Object captureVariable(Object value, int depth, int slot) throws ReflectiveOperationException {
    Object kept = keep(value);
    byte[][] row = row(depth, slot);
    if (row != null) {
      if (kept instanceof byte[] encoded) {
        row[slot] = encoded;
        fingerprints[depth][slot] = changes.fingerprint(value);
      } else if (kept instanceof KeptElements elements) {
        row[slot] = KNOWN_BY_FINGERPRINT;
        fingerprints[depth][slot] = Fingerprint.ofKeptElements(value, elements);
      } else {
        row[slot] = kept == value && value != null ? KEPT_AS_IS : null;
        fingerprints[depth][slot] = null;
      }
      keptAsIs[depth][slot] = row[slot] == KEPT_AS_IS ? value : null;
    }
    return kept;
  }

  private Object refreshVariable(Object value, int depth, int slot, boolean buildersOnlyGrew) throws ReflectiveOperationException {
    byte[][] row = row(depth, slot);
    if (stillKeptAsIs(row, depth, slot, value)) {
      return SAME;
    }
    Fingerprint print = row == null ? null : fingerprints[depth][slot];
    // the same object as last time: mutable, since it has a print, and of the print's kind
    boolean sameObject = print != null && row[slot] != null && print.isOf(value);
    if (!sameObject && (value == null || isImmutable(value))) {
      return captureVariable(value, depth, slot);
    }
    if (row == null) {
      return snapshot(value);
    }
    if (sameObject) {
      Object change = changes.changeSince(value, print, buildersOnlyGrew);
      if (change == ChangeDetector.UNCHANGED) {
        return SAME;
      }
      if (change != null) {
        row[slot] = KNOWN_BY_FINGERPRINT;
        fingerprints[depth][slot] = changes.deltaFingerprint();
        return change;
      }
    }
    encode(value);
    byte[] last = row[slot];
    fingerprints[depth][slot] = changes.fingerprint(value);
    if (last != null && Arrays.equals(last, 0, last.length, scratch.array(), 0, scratch.size())) {
      return SAME;
    }
    byte[] encoded = scratch.toByteArray();
    row[slot] = encoded;
    return encoded;
  }

  /** The variable still holds the value that cannot change it was last captured with ({@link #KEPT_AS_IS}). */
  private boolean stillKeptAsIs(byte[][] row, int depth, int slot, Object value) {
    return row != null && row[slot] == KEPT_AS_IS && keptAsIs[depth][slot] == value;
  }

  private boolean mayShowAny(Object value, int depth, int slot, Object[] targets, int count) {
    if (value == null) {
      return false;
    }
    byte[][] row = row(depth, slot);
    if (stillKeptAsIs(row, depth, slot, value) || isImmutable(value)) {
      return false;
    }
    Fingerprint print = row == null ? null : fingerprints[depth][slot];
    if (row == null || row[slot] == null || print == null || !print.isOf(value)) {
      return true;
    }
    for (int i = 0; i < count; i++) {
      if (print.shows(targets[i])) {
        return true;
      }
    }
    return false;
  }

  private Object snapshotConstructing(Object value, int depth, int slot) throws ReflectiveOperationException {
    byte[] encoded = blankSnapshot(value);
    if (encoded == null) {
      encoded = snapshot(value);
    }
    byte[][] row = row(depth, slot);
    if (row != null) {
      row[slot] = encoded;
      fingerprints[depth][slot] = null;
    }
    return encoded;
  }

  /**
   * The snapshot of an object whose fields all still hold their defaults (a constructor's {@code
   * this}, mostly), which is the same for every such object of its class: encoded once. Null when
   * a field holds something.
   */
  private byte[] blankSnapshot(Object value) throws ReflectiveOperationException {
    Class<?> type = value.getClass();
    BlankClass blank = lastBlankClass;
    if (blank == null || blank.type() != type) {
      // objects are constructed in runs of one class: it is looked up once a run
      blank = blankClasses.get(type);
      if (blank == null) {
        ValueKind kind = ValueKind.of(type);
        blank = new BlankClass(type, kind == ValueKind.STRUCT || kind == ValueKind.LEAF_RECORD ? snapshots.layout(type) : null);
        blankClasses.put(type, blank);
      }
      lastBlankClass = blank;
    }
    Layout layout = blank.layout();
    if (layout == null) {
      return null;
    }
    for (int i = 0; i < layout.fields.length; i++) {
      FieldReader field = layout.fields[i];
      if (field == null || layout.redacted[i]) {
        continue; // a marker either way
      }
      boolean isDefault = layout.kinds[i] == RawEvents.K_REF ? field.get(value) == null : field.bits(value, layout.kinds[i]) == 0;
      if (!isDefault) {
        return null;
      }
    }
    if (blank.snapshot == null) {
      blank.snapshot = snapshot(value);
    }
    return blank.snapshot;
  }

  /** A class whose constructor captured its blank {@code this}: its layout (null: not a struct) and that snapshot, once made. */
  private static final class BlankClass {
    private final Class<?> type;
    private final Layout layout;
    private byte[] snapshot;

    BlankClass(Class<?> type, Layout layout) {
      this.type = type;
      this.layout = layout;
    }

    Class<?> type() {
      return type;
    }

    Layout layout() {
      return layout;
    }
  }

  private Object resnapshotConstructing(Object value, int depth, int slot) {
    encode(value);
    byte[][] row = row(depth, slot);
    if (row == null) {
      return scratch.toByteArray();
    }
    byte[] last = row[slot];
    if (last != null && Arrays.equals(last, 0, last.length, scratch.array(), 0, scratch.size())) {
      return SAME;
    }
    byte[] encoded = scratch.toByteArray();
    row[slot] = encoded;
    return encoded;
  }

  /** Forgets the remembered snapshots (a new recording, or a capture ran out of stack). */
  public void reset() {
    forgetRemembered = false;
    Arrays.fill(lastSnapshot, null);
    Arrays.fill(fingerprints, null);
    Arrays.fill(keptAsIs, null);
    blankClasses.clear();
    lastBlankClass = null;
  }

  /** What a value that could not be read is recorded as. */
  private byte[] unreadable(Throwable failure) {
    try {
      scratch.reset();
      scratch.error("<unreadable: " + failure.getClass().getSimpleName() + ">");
      return scratch.toByteArray();
    } catch (Throwable again) {
      return UNREADABLE;
    }
  }

  /** A variable whose value could not be read: its marker, and its next value is captured whole. */
  private byte[] unreadable(int depth, int slot, Throwable failure) {
    if (depth >= 0 && depth < CACHED_DEPTHS && slot >= 0 && slot < CACHED_SLOTS && lastSnapshot[depth] != null) {
      lastSnapshot[depth][slot] = null;
      fingerprints[depth][slot] = null;
      keptAsIs[depth][slot] = null;
    }
    return unreadable(failure);
  }

  /** Encodes, on the writer thread, what {@link #capture} kept. */
  public void encodeKept(Object kept, ValueEncoder out) {
    if (kept instanceof byte[] encoded) {
      out.append(encoded, 0, encoded.length);
    } else if (kept instanceof KeptElements elements) {
      snapshots.writeKept(elements, out);
    } else if (kept instanceof KeptChange change) {
      snapshots.writeKept(change, out);
    } else if (kept instanceof KeptGrowth growth) {
      out.latin1Append(growth.previousKept, growth.length, growth.text, growth.from, growth.to);
    } else if (kept != null && ValueKind.of(kept.getClass()) == ValueKind.LEAF_RECORD) {
      snapshots.snapshot(kept, out);
    } else {
      try {
        snapshots.writeImmutable(kept, out);
      } catch (Throwable e) {
        out.error("<unreadable: " + e.getClass().getSimpleName() + ">");
      }
    }
  }

  private static byte[] encodedError(String text) {
    ValueEncoder encoder = new ValueEncoder(64);
    encoder.error(text);
    return encoder.toByteArray();
  }

  private static boolean isImmutable(Object value) {
    return ValueKind.of(value.getClass()).isImmutable();
  }

  private byte[] snapshot(Object value) {
    encode(value);
    return scratch.toByteArray();
  }

  private void encode(Object value) {
    scratch.reset();
    snapshots.snapshot(value, scratch);
  }

  private byte[][] row(int depth, int slot) {
    if (forgetRemembered) {
      forgetRemembered = false;
      reset();
    }
    if (depth < 0 || depth >= CACHED_DEPTHS || slot >= CACHED_SLOTS) {
      return null;
    }
    byte[][] row = lastSnapshot[depth];
    if (row == null) {
      row = new byte[CACHED_SLOTS][];
      lastSnapshot[depth] = row;
      fingerprints[depth] = new Fingerprint[CACHED_SLOTS];
      keptAsIs[depth] = new Object[CACHED_SLOTS];
    }
    return row;
  }
}
