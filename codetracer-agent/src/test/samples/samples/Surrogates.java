package samples;

/** Text with a pair the recorder's cut would split, and halves of pairs on their own. */
public class Surrogates {
  public static void main(String[] args) {
    StringBuilder text = new StringBuilder("bbbbbbb\uD83D\uDE00");
    String lone = "bad\uD800x";
    String cutString = "ccccccc\uD83D\uDE00";
    System.out.println(text.length() + " " + lone.length() + " " + cutString.length());
  }
}
