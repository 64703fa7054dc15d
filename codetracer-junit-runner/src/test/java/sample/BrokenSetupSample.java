package sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Its {@code @BeforeAll} fails: none of its tests runs. */
class BrokenSetupSample {
  @BeforeAll
  static void connect() {
    throw new IllegalStateException("no database");
  }

  @Test
  void never() {}
}
