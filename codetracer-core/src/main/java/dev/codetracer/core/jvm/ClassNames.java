package dev.codetracer.core.jvm;

/** Class names as people write them. */
public final class ClassNames {
  private ClassNames() {}

  /**
   * {@code com.acme.Order$Line} gives {@code com.acme.Order.Line}: only a {@code $} between a
   * nested class and its outer class becomes a dot. Anonymous and local classes keep theirs ({@code
   * Order$1}, {@code Order$1Local}), and so does a name that starts with one ({@code
   * jdk.proxy1.$Proxy0}) or has two ({@code Foo$$Lambda}).
   */
  public static String readable(String binaryName) {
    StringBuilder out = new StringBuilder(binaryName.length());
    for (int i = 0; i < binaryName.length(); i++) {
      char c = binaryName.charAt(i);
      boolean nested = c == '$' && i > 0 && i + 1 < binaryName.length()
          && binaryName.charAt(i - 1) != '.' && binaryName.charAt(i - 1) != '$'
          && binaryName.charAt(i + 1) != '$' && !Character.isDigit(binaryName.charAt(i + 1));
      out.append(nested ? '.' : c);
    }
    return out.toString();
  }
}
