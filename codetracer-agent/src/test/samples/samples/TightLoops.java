package samples;

/**
 * Loops that call nothing, left every way a loop can be left: by their condition, by a break, by
 * a return after them, by an exception caught in the same method or in a caller, by an exception
 * nobody catches; nested, one after another, at a method's first instruction, in a static
 * initialiser, in a constructor, in a lambda and in a synchronized block; and loops that cannot be
 * counted (a switch or a labelled continue inside) next to ones that can.
 */
public class TightLoops {
  static final int[] SQUARES = new int[6];
  static int calls;

  static {
    for (int i = 0; i < SQUARES.length; i++) {
      SQUARES[i] = i * i;
    }
  }

  final long[] powers = new long[5];

  TightLoops(int base) {
    long power = 1;
    for (int i = 0; i < powers.length; i++) {
      powers[i] = power;
      power *= base;
    }
  }

  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  static int firstAbove(int[] values, int limit) {
    int i = 0;
    do {
      if (values[i] > limit) {
        break;
      }
      i++;
    } while (i < values.length);
    return i;
  }

  static int indexOf(int[] values, int wanted) {
    int i = 0;
    while (values[i] != wanted)
      i++;
    return i;
  }

  static int divideAll(int start, int[] divisors) {
    int value = start;
    int i = 0;
    while (i < divisors.length) {
      value = value / divisors[i];
      i++;
    }
    return value;
  }

  static int triangle(int rows) {
    int count = 0;
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column <= row; column++) {
        count++;
      }
    }
    for (int k = rows; k > 0; k--) {
      count += k;
    }
    return count;
  }

  static long longRun(int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i ^ (sum >>> 3);
    }
    return sum;
  }

  static int spinOnStatic(int times) {
    calls = 0;
    while (calls < times) {
      calls++;
    }
    return calls;
  }

  static int hash(String text) {
    int hash = 7;
    for (int i = 0; i < text.length(); i++) {
      hash = 31 * hash + Character.toUpperCase(text.charAt(i));
    }
    return hash + Math.abs(hash % 11) + Integer.parseInt(text.substring(0, 1).equals("x") ? "1" : "2");
  }

  static int digits(String text) {
    int value = 0;
    int i = 0;
    while (true) {
      value = value * 10 + Integer.parseInt(text.substring(i, i + 1));
      i++;
    }
  }

  static int locked(Object lock, int n) {
    int sum = 0;
    synchronized (lock) {
      for (int i = 0; i < n; i++) {
        sum += i;
      }
    }
    return sum;
  }

  static int mixed(int n) {
    int score = 0;
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        if (j == i % 3) {
          continue outer;
        }
        score += j;
      }
      switch (i % 4) {
        case 0 -> score += 10;
        case 1 -> score -= 3;
        default -> score++;
      }
    }
    return score;
  }

  public static void main(String[] args) {
    System.out.println("gcd " + gcd(1071, 462) + " " + gcd(17, 5));
    System.out.println("squares " + SQUARES[5] + ", powers " + new TightLoops(3).powers[4]);
    System.out.println("firstAbove " + firstAbove(SQUARES, 10) + " " + firstAbove(SQUARES, 100));
    System.out.println("indexOf " + indexOf(SQUARES, 16));
    try {
      System.out.println(indexOf(SQUARES, 7));
    } catch (ArrayIndexOutOfBoundsException e) {
      System.out.println("indexOf ran off the end: " + e.getMessage());
    }
    int caught;
    try {
      caught = divideAll(1000, new int[] {2, 5, 0, 3});
    } catch (ArithmeticException e) {
      caught = -1;
    }
    System.out.println("divideAll " + divideAll(1000, new int[] {2, 5, 10}) + " " + caught);
    System.out.println("triangle " + triangle(6));
    System.out.println("longRun " + longRun(50_000));
    System.out.println("spinOnStatic " + spinOnStatic(40));
    System.out.println("locked " + locked(new Object(), 30) + ", mixed " + mixed(25));
    java.util.function.IntUnaryOperator cubeSum = n -> {
      int total = 0;
      for (int i = 1; i <= n; i++) {
        total += i * i * i;
      }
      return total;
    };
    System.out.println("lambda " + cubeSum.applyAsInt(12));
    System.out.println("hash " + hash("counted loops"));
    try {
      System.out.println(digits("4711x"));
    } catch (NumberFormatException e) {
      System.out.println("digits stopped at: " + e.getMessage());
    } catch (StringIndexOutOfBoundsException e) {
      System.out.println("digits ran off the end");
    }
    int local = 0;
    try {
      for (int i = 3; ; i--) {
        local += 12 / i;
      }
    } catch (ArithmeticException e) {
      System.out.println("caught in main after " + local);
    }
    System.out.println("gcd by zero next");
    System.out.println(gcd(5, 0) + gcd(0, 0) + divideAll(1, new int[] {0}));
  }
}
