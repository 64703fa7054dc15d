package samples;

public class Threads {
  static int work(int n) {
    int acc = 0;
    for (int i = 0; i < n; i++) {
      acc += i;
    }
    return acc;
  }

  public static void main(String[] args) throws InterruptedException {
    int[] results = new int[2];
    Thread first = new Thread(() -> results[0] = work(100), "worker-1");
    Thread second = new Thread(() -> {
      results[1] = work(200);
      System.out.println("worker-2 done");
    }, "worker-2");
    first.start();
    first.join();
    second.start();
    second.join();
    int own = work(10);
    System.out.println(results[0] + " " + results[1] + " " + own);
  }
}
