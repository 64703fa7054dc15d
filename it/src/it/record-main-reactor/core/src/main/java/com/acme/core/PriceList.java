package com.acme.core;

public class PriceList {
  public static void main(String[] args) {
    int unitPrice = Integer.parseInt(args[0]);
    int quantity = Integer.parseInt(args[1]);
    System.out.println("price list: " + quantity + " items at " + unitPrice + " cost " + Prices.total(unitPrice, quantity));
  }
}
