package dev.codetracer.junit;

import java.util.List;

/** The unique ids of the samples' failing tests. */
final class SampleIds {
  static final String CART = "[engine:junit-jupiter]/[class:sample.CartSample]";
  static final String TOTAL_OF_THREE = CART + "/[method:totalOfThree()]";
  static final String TOTALS_2 = CART + "/[test-template:totals(int, int, int)]/[test-template-invocation:#2]";
  static final String DYNAMIC_FIVE = CART + "/[test-factory:dynamicTotals()]/[dynamic-test:#2]";
  static final String BULK_TOTAL = CART + "/[nested-class:Discounts]/[method:bulkTotal()]";
  static final List<String> CART_FAILURES = List.of(TOTAL_OF_THREE, TOTALS_2, DYNAMIC_FIVE, BULK_TOTAL);

  static final String FLAKY = "[engine:junit-jupiter]/[class:sample.FlakySample]";
  static final String FAILS_FIRST_TIME = FLAKY + "/[method:failsFirstTime()]";
  static final String FAILS_ALWAYS = FLAKY + "/[method:failsAlways()]";

  static final String EXIT_WHEN_RUN_AGAIN = "[engine:junit-jupiter]/[class:sample.ExitWhenRunAgainSample]";
  static final String FAILS_BEFORE = EXIT_WHEN_RUN_AGAIN + "/[method:failsBefore()]";
  static final String EXITS_WHEN_RUN_AGAIN = EXIT_WHEN_RUN_AGAIN + "/[method:exitsWhenRunAgain()]";

  private SampleIds() {}
}
