package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventCodecTest {
  /** A loop's log: calls and steps that repeat, values between them, a long value now and then. */
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
      events.add((long) (12 + i % 3));
    }
    events.add(RawEvents.ret(1));
    return events.stream().mapToLong(Long::longValue).toArray();
  }

  private static long weightOf(long event) {
    return RawEvents.tag(event) == RawEvents.STEP ? RawEvents.id(event) % 7 + 1 : 0;
  }

  @Test
  void theWeightsOfRepeatedEventsAreSummedWithoutHearingOfThemAgain() {
    for (long seed = 0; seed < 20; seed++) {
      long[] events = loopLog(2_000, seed);
      long expected = 0;
      int others = 0;
      for (int i = 0; i < events.length; i++) {
        int tag = RawEvents.tag(events[i]);
        if (tag <= RawEvents.THROW) {
          expected += weightOf(events[i]);
        } else {
          others++;
          if (RawEvents.isWide(RawEvents.kind(events[i]))) {
            i++;
          }
        }
      }
      List<Long> literals = new ArrayList<>();
      List<Long> otherEvents = new ArrayList<>();
      EventCodec codec = new EventCodec();
      long sum = codec.encode(events, events.length, new EventCodec.Literals() {
        @Override
        public long literal(long event) {
          literals.add(event);
          return weightOf(event);
        }

        @Override
        public void other(long event) {
          otherEvents.add(event);
        }
      });

      assertThat(sum).as("seed %d", seed).isEqualTo(expected);
      List<Long> visitedOthers = new ArrayList<>();
      long visited = EventCodec.visit(events, events.length, new EventCodec.Literals() {
        @Override
        public long literal(long event) {
          return weightOf(event);
        }

        @Override
        public void other(long event) {
          visitedOthers.add(event);
        }
      });
      assertThat(visited).as("visited, seed %d", seed).isEqualTo(expected);
      assertThat(visitedOthers).isEqualTo(otherEvents);
      assertThat(otherEvents).hasSize(others);
      assertThat(literals.size()).as("repeats are not told again").isLessThan(events.length / 4);
      assertThat(EventCodec.decode(codec.bytes(), 0, codec.size(), events.length)).containsExactly(events);
    }
  }
}
