package samples;

public class Recursion {
  static long factorial(int n) {
    if (n <= 1) {
      return 1;
    }
    return n * factorial(n - 1);
  }

  public static void main(String[] args) {
    long f = factorial(5);
    System.out.println("5! = " + f);
  }
}
