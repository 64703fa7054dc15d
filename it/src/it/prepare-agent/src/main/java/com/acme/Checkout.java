package com.acme;

import java.util.List;

public class Checkout {
  public int total(List<Integer> prices, int discountPercent) {
    int sum = 0;
    for (int price : prices) {
      sum += price;
    }
    int discount = sum * discountPercent / 100;
    return sum - discount;
  }
}
