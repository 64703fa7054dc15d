package samples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The JDK's wrappers around the program's subclasses of JDK collections, and around a JDK list. */
public class WrappedSubclasses {
  static class MyMap extends HashMap<String, String> {}

  static class MyList extends ArrayList<String> {}

  public static void main(String[] args) {
    MyMap mine = new MyMap();
    mine.put("a", "b");
    Map<String, String> unmodifiableMap = Collections.unmodifiableMap(mine);
    MyList list = new MyList();
    list.add("x");
    List<String> unmodifiableList = Collections.unmodifiableList(list);
    List<String> synchronizedList = Collections.synchronizedList(list);
    List<String> nested = Collections.unmodifiableList(synchronizedList);
    List<String> plain = Collections.unmodifiableList(new ArrayList<>(list));
    System.out.println(unmodifiableMap.size() + " " + unmodifiableList.size() + " " + synchronizedList.size() + " " + nested.size()
        + " " + plain.size());
    mine.put("c", "d");
    System.out.println(unmodifiableMap.size());
  }
}
