package dev.codetracer.agent.values;

import static dev.codetracer.agent.values.TrustedCollections.CHANGES_RECEIVER;
import static dev.codetracer.agent.values.TrustedCollections.READS;
import static dev.codetracer.agent.values.TrustedCollections.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrustedCollectionsTest {
  /** The program's own list. */
  static final class OwnList extends AbstractList<String> {
    @Override
    public String get(int index) {
      return "x";
    }

    @Override
    public int size() {
      return 1;
    }
  }

  @Test
  void theJdksCollectionsTheirIteratorsEntriesAndViewsAreRead() {
    Map<String, Integer> map = new HashMap<>(Map.of("a", 1));
    assertThat(TrustedCollections.read(new ArrayList<>())).isEqualTo(READS);
    assertThat(TrustedCollections.read(map.entrySet())).isEqualTo(READS);
    assertThat(TrustedCollections.read(map.entrySet().iterator().next())).isEqualTo(READS);
    assertThat(TrustedCollections.read(List.of(1, 2, 3))).isEqualTo(READS);
    assertThat(TrustedCollections.read(Arrays.asList(1, 2))).isEqualTo(READS);
    assertThat(TrustedCollections.read(new TreeMap<>(map).values())).isEqualTo(READS);
    assertThat(TrustedCollections.next(new ArrayList<>(List.of(1)).iterator())).isEqualTo(CHANGES_RECEIVER);
  }

  @Test
  void whatMayRunOtherCodeIsNot() {
    assertThat(TrustedCollections.read(new OwnList())).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.read(new OwnList().iterator())).as("AbstractList's iterator calls the program's get").isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.read(Collections.unmodifiableList(new OwnList()))).isEqualTo(UNKNOWN);
    TreeMap<String, Integer> tree = new TreeMap<>(Map.of("a", 1, "b", 2));
    assertThat(TrustedCollections.read(tree.headMap("b"))).as("a sub-map compares with the map's comparator").isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.read(tree.navigableKeySet())).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.read(null)).isEqualTo(UNKNOWN);
  }

  @Test
  void lookupsAndChangesNeedKeysThatHashAndCompareInTheJdk() {
    assertThat(TrustedCollections.lookup(new HashMap<>(), "k")).isEqualTo(READS);
    assertThat(TrustedCollections.lookup(new HashMap<>(), 3)).isEqualTo(READS);
    assertThat(TrustedCollections.lookup(new HashMap<>(), List.of(1))).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.lookup(new LinkedHashMap<>(), "k")).as("access order moves the entry").isEqualTo(CHANGES_RECEIVER);
    assertThat(TrustedCollections.lookup(new TreeMap<String, Integer>(Comparator.reverseOrder()), "k")).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.put(new TreeMap<>(), "k")).isEqualTo(CHANGES_RECEIVER);
    assertThat(TrustedCollections.put(new TreeMap<String, Integer>(Comparator.reverseOrder()), "k")).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.put(new HashMap<>(), new Object())).isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.add(new ArrayList<>(), new Object())).as("a list keeps any element as it is").isEqualTo(CHANGES_RECEIVER);
    assertThat(TrustedCollections.add(new HashSet<>(), new Object())).as("a set hashes it").isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.add(new HashSet<>(), "e")).isEqualTo(CHANGES_RECEIVER);
    assertThat(TrustedCollections.add(Arrays.asList("a"), "b")).as("a view of an array").isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.add(new ArrayList<>().subList(0, 0), "b")).as("a view of a list").isEqualTo(UNKNOWN);
    assertThat(TrustedCollections.add(new OwnList(), "b")).isEqualTo(UNKNOWN);
  }
}
