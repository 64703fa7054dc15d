package samples;

public class StaticInit {
  static final int[] TABLE;

  static {
    TABLE = new int[4];
    for (int i = 0; i < TABLE.length; i++) {
      TABLE[i] = i * i;
    }
  }

  public static void main(String[] args) {
    int sum = 0;
    for (int v : TABLE) {
      sum += v;
    }
    System.out.println("sum of squares " + sum);
  }
}
