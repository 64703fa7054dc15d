package samples;

import java.util.Arrays;

/** Arrays of values that cannot change are kept as copies, to be encoded after the steps that show them. */
public class KeptArrays {
  enum Color { RED, GREEN }

  static void shout(String[] words) {
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].toUpperCase();
    }
  }

  public static void main(String[] args) {
    String[] words = "a,b,c".split(",");
    shout(words);
    Integer[] counts = {1, 2, null};
    Arrays.fill(counts, 9);
    Color[] colors = {Color.RED};
    Object[] mixed = {"x", new StringBuilder("y")};
    ((StringBuilder) mixed[1]).append('z');
    String[] aliased = words;
    aliased[1] = "q";
    System.out.println(String.join("", words) + Arrays.toString(counts) + colors[0] + mixed[1]);
  }
}
