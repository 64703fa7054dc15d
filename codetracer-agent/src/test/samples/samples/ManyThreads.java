package samples;

import java.util.ArrayList;
import java.util.List;

/** Work spread over 50 threads without names, as executors of virtual threads run it. */
public class ManyThreads {
  static int square(int n) {
    return n * n;
  }

  public static void main(String[] args) throws InterruptedException {
    int[] squares = new int[50];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < squares.length; i++) {
      int n = i;
      Thread thread = new Thread(() -> squares[n] = square(n), "");
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    int sum = 0;
    for (int square : squares) {
      sum += square;
    }
    System.out.println("sum of squares " + sum);
  }
}
