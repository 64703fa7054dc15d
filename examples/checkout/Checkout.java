package dev.codetracer.examples.checkout;

import java.util.ArrayList;
import java.util.List;

/**
 * A small checkout: prices a cart, applies a volume discount and prints a receipt. The discount
 * has a bug (it is applied per item instead of per order), which is what a recording lets you
 * find by stepping back from the wrong total.
 */
public final class Checkout {
  record Item(String name, int priceCents, int quantity) {
    int lineTotal() {
      return priceCents * quantity;
    }
  }

  record Receipt(List<String> lines, int totalCents) {}

  static int discountPercent(int quantity) {
    if (quantity >= 10) {
      return 15;
    }
    if (quantity >= 3) {
      return 5;
    }
    return 0;
  }

  static Receipt checkout(List<Item> cart) {
    List<String> lines = new ArrayList<>();
    int total = 0;
    int itemCount = 0;
    for (Item item : cart) {
      itemCount += item.quantity();
      int line = item.lineTotal();
      int discount = line * discountPercent(item.quantity()) / 100;
      total += line - discount;
      lines.add(String.format("%-8s %2d x %6s = %7s", item.name(), item.quantity(), money(item.priceCents()), money(line)));
    }
    lines.add(String.format("%d items, total %s", itemCount, money(total)));
    return new Receipt(lines, total);
  }

  static String money(int cents) {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }

  public static void main(String[] args) {
    List<Item> cart =
        List.of(new Item("coffee", 450, 2), new Item("bagel", 325, 3), new Item("juice", 399, 1));
    Receipt receipt = checkout(cart);
    receipt.lines().forEach(System.out::println);
  }
}
