package dev.codetracer.agent.values;

import dev.codetracer.core.jvm.RawEvents;
import dev.codetracer.core.jvm.ValueEncoder;
import java.lang.reflect.Field;

/**
 * Tells, without encoding an object, how it changed since its last snapshot: not at all (its
 * {@link Fingerprint} still matches), or only by growing at the end (a list or StringBuilder
 * filled in a loop: then just the growth is encoded). Anything else, or any doubt, means a new
 * snapshot.
 */
final class ChangeDetector {
  private final SnapshotWriter snapshots;
  private final ValueEncoder scratch = new ValueEncoder(1 << 10);

  ChangeDetector(SnapshotWriter snapshots) {
    this.snapshots = snapshots;
  }

  /**
   * A list or StringBuilder that only grew at the end since its last snapshot: the encoded
   * growth ({@link ValueEncoder#APPEND}), or null when it changed otherwise.
   */
  byte[] grown(Object value, Fingerprint print) {
    try {
      Class<?> type = value.getClass();
      ValueKind kind = ValueKind.of(type);
      if (kind == ValueKind.BUILDER) {
        byte[] last = print.textBytes();
        byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
        int count = JdkInternals.BUILDER_COUNT.getInt(value);
        int kept = last.length - 1;
        if (last[kept] != 0 || JdkInternals.BUILDER_CODER.getByte(value) != 0 || count <= print.length()
            || !java.util.Arrays.equals(bytes, 0, kept, last, 0, kept)) {
          return null;
        }
        int nowKept = Math.min(Math.min(count, snapshots.maxString()), bytes.length);
        scratch.reset();
        scratch.latin1Append(kept, count, bytes, kept, nowKept);
        return scratch.toByteArray();
      }
      if (kind != ValueKind.COLLECTION || print.childArray() == null) {
        return null;
      }
      Object[] last = print.childArray();
      Elements elements = snapshots.reusableElements(1);
      elements.reset(false);
      try {
        int total = JdkCollections.readerFor(type).read(value, elements);
        if (total <= print.length() || elements.count < last.length) {
          return null;
        }
        for (int i = 0; i < last.length; i++) {
          if (elements.items[i] != last[i]) {
            return null;
          }
        }
        int added = elements.count - last.length;
        scratch.reset();
        scratch.startAppend(last.length, total, added);
        snapshots.addedElements(value, elements.items, last.length, elements.count, scratch);
        return scratch.toByteArray();
      } finally {
        elements.reset(false);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether a value still matches the fingerprint of its last snapshot (false when unsure). */
  boolean unchanged(Object value, Fingerprint print) {
    try {
      Class<?> type = value.getClass();
      ValueKind kind = ValueKind.of(type);
      switch (kind) {
        case ARRAY: {
          int length = java.lang.reflect.Array.getLength(value);
          return type.getComponentType().isPrimitive()
              ? print.samePrimitives(value, length)
              : print.sameArray((Object[]) value, length);
        }
        case COLLECTION:
        case MAP: {
          Elements elements = snapshots.reusableElements(1);
          elements.reset(kind == ValueKind.MAP);
          int total = JdkCollections.readerFor(type).read(value, elements);
          boolean same = print.sameChildren(total, elements.items, elements.count);
          elements.reset(false);
          return same;
        }
        case BUILDER: {
          byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
          byte coder = JdkInternals.BUILDER_CODER.getByte(value);
          int count = JdkInternals.BUILDER_COUNT.getInt(value);
          int kept = Math.min(bytes.length, (coder == 0 ? 1 : 2) * Math.min(count, snapshots.maxString()));
          return print.sameText(count, coder, bytes, kept);
        }
        case STRUCT: {
          if (!print.isStruct()) {
            return false;
          }
          Layout layout = snapshots.layout(type);
          long[] primitives = print.structPrimitives();
          Object[] references = print.structReferences();
          for (int i = 0; i < layout.fields.length; i++) {
            Field field = layout.fields[i];
            if (field == null || layout.redacted[i]) {
              continue;
            }
            if (layout.kinds[i] == RawEvents.K_REF) {
              if (field.get(value) != references[i]) {
                return false;
              }
            } else if (Fingerprint.bits(field, value, layout.kinds[i]) != primitives[i]) {
              return false;
            }
          }
          return true;
        }
        default:
          return false;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The fingerprint of a value just snapshotted, or null when it cannot have one. */
  Fingerprint fingerprint(Object value) {
    if (snapshots.maxDepth() < 1) {
      return null;
    }
    try {
      Class<?> type = value.getClass();
      ValueKind kind = ValueKind.of(type);
      switch (kind) {
        case ARRAY: {
          int length = java.lang.reflect.Array.getLength(value);
          int shown = Math.min(length, snapshots.maxElements());
          return type.getComponentType().isPrimitive()
              ? Fingerprint.ofPrimitiveArray(value, length, shown)
              : Fingerprint.ofChildren(value, length, (Object[]) value, shown);
        }
        case COLLECTION:
        case MAP: {
          Elements elements = snapshots.reusableElements(1);
          elements.reset(kind == ValueKind.MAP);
          int total = JdkCollections.readerFor(type).read(value, elements);
          Fingerprint print = Fingerprint.ofChildren(value, total, elements.items, elements.count);
          elements.reset(false);
          return print;
        }
        case BUILDER: {
          byte[] bytes = (byte[]) JdkInternals.BUILDER_VALUE.get(value);
          byte coder = JdkInternals.BUILDER_CODER.getByte(value);
          int count = JdkInternals.BUILDER_COUNT.getInt(value);
          int kept = Math.min(bytes.length, (coder == 0 ? 1 : 2) * Math.min(count, snapshots.maxString()));
          return Fingerprint.ofText(value, count, coder, bytes, kept);
        }
        case STRUCT: {
          Layout layout = snapshots.layout(type);
          long[] primitives = new long[layout.fields.length];
          Object[] references = new Object[layout.fields.length];
          for (int i = 0; i < layout.fields.length; i++) {
            Field field = layout.fields[i];
            if (field == null || layout.redacted[i]) {
              continue;
            }
            if (layout.kinds[i] == RawEvents.K_REF) {
              references[i] = field.get(value);
            } else {
              primitives[i] = Fingerprint.bits(field, value, layout.kinds[i]);
            }
          }
          return Fingerprint.ofStruct(value, primitives, references);
        }
        default:
          return null;
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
