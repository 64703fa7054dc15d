package dev.codetracer.junit.runner;

/** Prints its arguments one a line (newlines and tabs escaped), for tests of command lines. */
public final class PrintArguments {
  private PrintArguments() {}

  public static void main(String[] args) {
    for (String arg : args) {
      System.out.println(escape(arg));
    }
  }

  public static String escape(String arg) {
    return "<" + arg.replace("\n", "\\n").replace("\t", "\\t") + ">";
  }
}
