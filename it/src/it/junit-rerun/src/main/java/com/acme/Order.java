package com.acme;

public final class Order {
  private Order() {}

  /** Three or more items lose one: the bug the failing test finds. */
  public static int total(int price, int quantity) {
    int units = quantity >= 3 ? quantity - 1 : quantity;
    return price * units;
  }
}
