package bench;

/**
 * Workload (a): CPU-bound, many small methods and loops (gcd, digit sums, a sieve, small
 * recursion), in rounds: see {@link Rounds}.
 */
public class CpuLoops {
  static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  static int digitSum(int n) {
    int sum = 0;
    while (n > 0) {
      sum += n % 10;
      n /= 10;
    }
    return sum;
  }

  static int fib(int n) {
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  }

  static int sieveCount(int limit) {
    boolean[] composite = new boolean[limit + 1];
    int count = 0;
    for (int i = 2; i <= limit; i++) {
      if (!composite[i]) {
        count++;
        for (long j = (long) i * i; j <= limit; j += i) {
          composite[(int) j] = true;
        }
      }
    }
    return count;
  }

  static long work(int scale) {
    long checksum = 0;
    for (int i = 1; i <= scale; i++) {
      checksum += gcd(i, 360);
      checksum += digitSum(i);
    }
    for (int r = 0; r < scale / 2000; r++) {
      checksum += fib(15);
    }
    checksum += sieveCount(scale * 2);
    return checksum;
  }

  public static void main(String[] args) {
    int scale = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Rounds.run(rounds, () -> work(scale));
  }
}
