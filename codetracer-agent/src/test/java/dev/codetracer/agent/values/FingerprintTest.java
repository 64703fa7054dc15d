package dev.codetracer.agent.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a print says it shows, which decides whether a guarded line re-checks a variable. */
class FingerprintTest {
  record Order(String customer, int quantity) {}

  @Test
  void aPrintOfValuesThatCannotChangeShowsNoChangedReceiverButItsOwnObject() {
    List<Order> orders = new ArrayList<>(List.of(new Order("ada", 1), new Order("bo", 2)));
    Fingerprint print = Fingerprint.ofKeptElements(orders, new KeptElements(ArrayList.class, false, 2, orders.toArray()));

    assertThat(print.shows(new ArrayList<>())).isFalse();
    assertThat(print.shows(orders)).isTrue();
  }

  @Test
  void aPrintGrownByAChildThatCanChangeShowsThatChild() {
    List<Object> rows = new ArrayList<>(List.of("header"));
    Fingerprint print = Fingerprint.ofKeptElements(rows, new KeptElements(ArrayList.class, false, 1, new Object[] {"header"}));
    List<String> row = new ArrayList<>();

    print.grownChildren(2, new Object[] {row}, 0, 1, false);
    assertThat(print.shows(row)).isTrue();
    print.grownChildren(3, new Object[] {"footer"}, 0, 1, true);
    assertThat(print.shows(row)).as("after a growth by values that cannot change").isTrue();
    assertThat(print.shows(new ArrayList<>())).isFalse();
  }

  @Test
  void aPrintOfManyChildrenLooksThemUpOnceAndStillFindsTheOneThatCanChange() {
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add("item " + i);
    }
    List<String> inner = new ArrayList<>();
    items.add(inner);
    Fingerprint print = Fingerprint.ofChildren(items, ValueKind.COLLECTION, items.size(), items.toArray(), items.size(), null);

    assertThat(print.shows(inner)).isTrue();
    assertThat(print.shows(new ArrayList<>())).isFalse();
    Fingerprint changed = Fingerprint.ofChildren(items, ValueKind.COLLECTION, 2, new Object[] {"a", inner}, 2, null)
        .keepingUnchangeableChildrenOf(print);
    assertThat(changed.shows(inner)).as("not said to hold only values that cannot change, after a print that did not").isTrue();
  }
}
