package com.acme;

public class App {
  public static void main(String[] args) {
    int first = Integer.parseInt(args[0]);
    String label = args[1];
    int second = Integer.parseInt(label.substring(label.indexOf(' ') + 1));
    int product = multiply(first, second);
    System.out.println(first + " times " + second + " is " + product);
  }

  static int multiply(int a, int b) {
    int result = 0;
    for (int i = 0; i < b; i++) {
      result += a;
    }
    return result;
  }
}
