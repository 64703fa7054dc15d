package dev.codetracer.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.jvm.RawDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What a recording notes of the threads other than its own. */
class RecordingTest {
  @Test
  void theFirstTwentyOtherThreadsAreNamedEvenWhenManyArriveAtOnce() throws InterruptedException {
    for (int round = 0; round < 100; round++) {
      Recording recording =
          new Recording(Path.of("unused"), false, Thread.currentThread(), null, null, unused -> {
            throw new AssertionError("no writer is needed");
          });
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> others = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Thread other =
            new Thread(
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  recording.otherThread(Thread.currentThread());
                  recording.otherThread(Thread.currentThread());
                },
                "other-" + i);
        others.add(other);
        other.start();
      }
      start.countDown();
      for (Thread other : others) {
        other.join();
      }
      recording.countOtherThreads();

      List<Object> named = new ArrayList<>();
      Object count = null;
      for (RawDefinition definition : recording.facts) {
        RawDefinition.Fact fact = (RawDefinition.Fact) definition;
        if (fact.key().equals("threads_unrecorded[]")) {
          named.add(fact.value());
        } else if (fact.key().equals("threads_unrecorded_count")) {
          count = fact.value();
        }
      }
      assertThat(named).as("round %d", round).hasSize(Recording.NAMED_OTHER_THREADS).doesNotHaveDuplicates();
      assertThat(count).isEqualTo(50);
    }
  }
}
