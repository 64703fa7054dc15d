package samples;

import java.util.ArrayList;
import java.util.List;

/** A StringBuilder at the deepest level a snapshot shows, whose text is shown there, changed through another variable. */
public class DeepBuilders {
  static final class Person {
    final StringBuilder note;

    Person(StringBuilder note) {
      this.note = note;
    }
  }

  public static void main(String[] args) {
    StringBuilder sb = new StringBuilder("abc");
    List<Person> people = new ArrayList<>(List.of(new Person(sb)));
    Object[][] nested = {{sb}};
    sb.setCharAt(0, 'X');
    sb.append("!");
    System.out.println(people.size() + " " + nested.length + " " + sb);
  }
}
