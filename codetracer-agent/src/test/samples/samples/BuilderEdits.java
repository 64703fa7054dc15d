package samples;

/**
 * Builders edited in place and appended to on lines of their own, printed after each round: a
 * recording must show what the program printed, whether a line rewrote a builder or only grew it.
 */
public class BuilderEdits {
  public static void main(String[] args) {
    StringBuilder log = new StringBuilder("start");
    StringBuffer shared = new StringBuffer();
    for (int i = 0; i < 12; i++) {
      log.setCharAt(0, (char) ('A' + i));
      log.append(i).append(';');
      log.insert(1, '-');
      shared.append(i);
      if (i % 4 == 3) {
        log.setLength(3);
      }
      if (i == 7) {
        shared.append('\u0100').setLength(shared.length() - 1); // UTF-16 from now on, still printed as ASCII
      }
      System.out.println(log + " " + shared);
    }
  }
}
