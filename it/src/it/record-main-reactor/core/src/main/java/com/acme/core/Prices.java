package com.acme.core;

public final class Prices {
  private Prices() {}

  public static int total(int unitPrice, int quantity) {
    int total = unitPrice * quantity;
    return total;
  }
}
