package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  /**
   * A loop's log: calls and steps that repeat, values between them (a kept object's among them),
   * a long value, an element, an output and a counted loop now and then.
   */
  private static long[] loopLog(int iterations, long seed) {
    Random random = new Random(seed);
    List<Long> events = new ArrayList<>();
    events.add(RawEvents.call(1));
    for (int i = 0; i < iterations; i++) {
      events.add((long) 10);
      events.add(RawEvents.call(2));
      events.add((long) 11);
      events.add(RawEvents.ret(2));
      if (random.nextInt(5) == 0) {
        events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, 3), random.nextInt(100)));
      }
      if (random.nextInt(9) == 0) {
        events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_LONG, 4), 0));
        events.add(12L); // a long value's bits, which look like a step
      }
      if (random.nextInt(6) == 0) {
        events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_REF, 6), 0)); // a kept object's value
        events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_SAME, 6), 0));
        events.add(RawEvents.element(7, random.nextInt(10)));
        events.add(RawEvents.value(RawEvents.valueMeta(RawEvents.K_INT, RawEvents.ELEMENT_SLOT), 3));
      }
      if (random.nextInt(11) == 0) {
        events.add(RawEvents.output(RawEvents.STDOUT));
      }
      if (random.nextInt(7) == 0) {
        events.add(RawEvents.loop(5));
        events.add(random.nextBoolean() ? 12L : random.nextInt(1_000_000)); // visits, which may look like a step
      }
      events.add((long) (12 + i % 3));
    }
    events.add(RawEvents.ret(1));
    return events.stream().mapToLong(Long::longValue).toArray();
  }

  private static long weightOf(long event) {
    return RawEvents.tag(event) == RawEvents.STEP ? RawEvents.id(event) % 7 + 1 : 0;
  }

  private static long weightOfLoop(long visits) {
    return 2 * visits;
  }

  /** Weighs what it hears, and keeps the events told one by one and the others. */
  private static final class Heard implements EventCodec.Literals {
    final List<Long> literals = new ArrayList<>();
    final List<Long> others = new ArrayList<>();

    @Override
    public long literal(long event) {
      literals.add(event);
      return weightOf(event);
    }

    @Override
    public long loop(long event, long visits) {
      others.add(event);
      return weightOfLoop(visits);
    }

    @Override
    public void reference(long event) {
      others.add(event);
    }
  }

  @Test
  void theWeightsOfRepeatedEventsAreSummedWithoutHearingOfThemAgain() {
    for (long seed = 0; seed < 20; seed++) {
      long[] events = loopLog(2_000, seed);
      long expected = 0;
      int others = 0;
      java.util.Set<Long> distinctLiterals = new java.util.HashSet<>();
      for (int i = 0; i < events.length; i++) {
        int tag = RawEvents.tag(events[i]);
        if (tag <= RawEvents.THROW) {
          expected += weightOf(events[i]);
          distinctLiterals.add(events[i]);
        } else if (tag == RawEvents.LOOP) {
          others++;
          expected += weightOfLoop(events[++i]);
        } else if (tag == RawEvents.OUTPUT || (tag == RawEvents.VALUE && RawEvents.kind(events[i]) == RawEvents.K_REF)) {
          others++;
        } else if (tag == RawEvents.VALUE && RawEvents.isWide(RawEvents.kind(events[i]))) {
          i++;
        }
      }
      EventCodec codec = new EventCodec();
      Heard encoded = new Heard();
      long sum = codec.encode(events, events.length, encoded);

      assertThat(sum).as("seed %d", seed).isEqualTo(expected);
      Heard visitedOnly = new Heard();
      long visited = EventCodec.visit(events, events.length, visitedOnly);
      assertThat(visited).as("visited, seed %d", seed).isEqualTo(expected);
      assertThat(visitedOnly.others).isEqualTo(encoded.others);
      assertThat(visitedOnly.literals).as("each step, call and return, once at least").containsAll(distinctLiterals);
      assertThat(encoded.others).hasSize(others);
      assertThat(encoded.literals.size()).as("repeats are not told again").isLessThan(events.length / 4);
      assertThat(EventCodec.decode(codec.bytes(), 0, codec.size(), events.length)).containsExactly(events);
    }
  }
}
