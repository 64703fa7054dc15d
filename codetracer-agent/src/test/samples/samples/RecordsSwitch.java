package samples;

public class RecordsSwitch {
  enum Shape { CIRCLE, SQUARE, TRIANGLE }

  record Point(int x, int y) {
    int manhattan() {
      return Math.abs(x) + Math.abs(y);
    }
  }

  static String describe(Shape shape) {
    return switch (shape) {
      case CIRCLE -> "round";
      case SQUARE -> {
        String corners = "four corners";
        yield corners;
      }
      default -> "pointy";
    };
  }

  public static void main(String[] args) {
    Point p = new Point(3, -4);
    int distance = p.manhattan();
    Shape shape = Shape.SQUARE;
    String text = describe(shape);
    System.out.println(p + " " + distance + " " + text);
  }
}
