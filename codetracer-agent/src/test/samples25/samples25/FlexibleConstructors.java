package samples25;

/**
 * Java 25's flexible constructor bodies: statements, locals and output before {@code
 * super(...)}, and a throw there.
 */
public class FlexibleConstructors {
  static class Base {
    final int size;

    Base(int size) {
      this.size = size;
    }
  }

  static class Checked extends Base {
    Checked(int raw) {
      int checked = Math.abs(raw);
      String message = "checked " + checked;
      System.out.println(message);
      if (checked > 100) {
        throw new IllegalArgumentException(message);
      }
      super(checked);
      System.out.println("made " + size);
    }
  }

  public static void main(String[] args) {
    new Checked(-5);
    try {
      new Checked(500);
    } catch (IllegalArgumentException e) {
      System.out.println("refused " + e.getMessage());
    }
  }
}
