package com.acme.app;

import com.acme.core.Prices;

public class Shop {
  public static void main(String[] args) {
    int total = Prices.total(4, 3);
    System.out.println("3 items at 4 cost " + total);
  }
}
