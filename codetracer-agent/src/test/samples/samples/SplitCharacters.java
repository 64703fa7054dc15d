package samples;

import java.nio.charset.StandardCharsets;

/**
 * Writes UTF-8 text as raw bytes in pieces of 8192 bytes, as transferTo does, which split
 * characters; then a line on standard error, whose charset may differ; and at last the start of a
 * character that never ends.
 */
public class SplitCharacters {
  public static void main(String[] args) {
    byte[] euros = "€".repeat(9000).getBytes(StandardCharsets.UTF_8);
    for (int from = 0; from < euros.length; from += 8192) {
      System.out.write(euros, from, Math.min(8192, euros.length - from));
    }
    System.out.println();
    System.err.println("café");
    System.out.write(euros, 0, 2);
    System.out.flush();
  }
}
