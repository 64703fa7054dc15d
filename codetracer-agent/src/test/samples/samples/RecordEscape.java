package samples;

/** A record whose constructor hands out this before its last field is set. */
public class RecordEscape {
  record Pair(String a, String b) {
    Pair(String a, String b) {
      this.a = a;
      peek(this);
      this.b = b;
    }
  }

  static void peek(Object o) {
    System.out.println("peek " + o);
  }

  public static void main(String[] args) {
    Pair pair = new Pair("A", "B");
    peek(pair);
  }
}
