package sample;

/** The code under test of the samples, with a bug: a quantity of 3 or more loses one unit. */
public final class Cart {
  private Cart() {}

  public static int total(int price, int quantity) {
    int units = quantity >= 3 ? quantity - 1 : quantity;
    int total = price * units;
    return total;
  }
}
