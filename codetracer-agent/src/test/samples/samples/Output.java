package samples;

public class Output {
  public static void main(String[] args) {
    System.out.println("line one");
    System.err.println("warning on stderr");
    System.out.print("no newline");
    System.out.println(" then newline");
    System.out.println("ünïcödé ✓");
  }
}
