package com.acme.app2;

import com.acme.core.Prices;

public final class Receipt {
  private Receipt() {}

  public static String line(int unitPrice, int quantity) {
    return quantity + " x " + unitPrice + " = " + Prices.total(unitPrice, quantity);
  }
}
