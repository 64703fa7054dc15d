package samples;

public class Loops {
  static int sum(int n) {
    int total = 0;
    for (int i = 0; i < n; i++)
      total += i;
    return total;
  }

  public static void main(String[] args) {
    int s = sum(4);
    long big = 1L << 40;
    double ratio = s / 4.0;
    char letter = 'x';
    boolean flag = s > 3;
    System.out.println(s + " " + big + " " + ratio + " " + letter + " " + flag);
  }
}
