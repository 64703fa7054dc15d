package samples;

/**
 * Constructors that compute the arguments of {@code super(...)} and {@code this(...)}, one whose
 * {@code super(...)} argument throws and one whose {@code super(...)} throws: the code before the
 * call belongs to the constructor.
 */
public class Constructors {
  static class Base {
    final int size;

    Base(int size) {
      if (size > 100) {
        throw new IllegalArgumentException("too big: " + size);
      }
      this.size = size;
    }
  }

  static class Child extends Base {
    final String label;

    Child(int raw) {
      super(validate(raw));
      label = "child " + size;
    }

    Child() {
      this(7);
    }

    static int validate(int raw) {
      if (raw < 0) {
        throw new IllegalArgumentException("negative: " + raw);
      }
      return raw * 2;
    }
  }

  public static void main(String[] args) {
    Child made = new Child(3);
    Child fallback = new Child();
    for (int raw : new int[] {-1, 60}) {
      try {
        new Child(raw);
      } catch (IllegalArgumentException e) {
        System.out.println("refused " + e.getMessage());
      }
    }
    System.out.println(made.label + " " + fallback.label);
    if (args.length > 0) {
      // only an even count of calls and exits, even through the super(...) that threw, lets the
      // recorder see this leave main, and not record the JVM's handling of it
      throw new Loud();
    }
  }

  static class Loud extends RuntimeException {
    @Override
    public String getMessage() {
      System.out.println("asked");
      return "loud";
    }
  }
}
