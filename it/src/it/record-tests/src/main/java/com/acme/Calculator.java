package com.acme;

public class Calculator {
  public int add(int a, int b) {
    return a + b;
  }

  public int divide(int dividend, int divisor) {
    int quotient = dividend / divisor;
    return quotient;
  }
}
