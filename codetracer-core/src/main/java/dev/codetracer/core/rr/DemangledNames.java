package dev.codetracer.core.rr;

/**
 * Splits what {@code nm -C} prints for a function ({@code int ns::twice<int>(int)}, {@code
 * ns::Foo::get() const}) into its qualified name ({@code ns::twice<int>}, {@code ns::Foo::get}).
 * C symbols have no parameter list and are their own name.
 */
final class DemangledNames {
  private static final String[] TRAILING_QUALIFIERS = {" const", " volatile", " &&", " &"};

  private DemangledNames() {}

  static String nameOf(String signature) {
    String text = stripCloneSuffixes(signature.strip());
    text = stripQualifiers(text);
    if (text.endsWith(")")) {
      int open = matchingOpen(text, text.length() - 1);
      if (open > 0) {
        text = text.substring(0, open);
      }
    }
    return stripReturnType(text);
  }

  /** GCC's specialised copies: {@code f(int) [clone .constprop.0]}. */
  private static String stripCloneSuffixes(String text) {
    while (text.endsWith("]")) {
      int clone = text.lastIndexOf(" [clone ");
      if (clone < 0) {
        break;
      }
      text = text.substring(0, clone);
    }
    return text;
  }

  private static String stripQualifiers(String text) {
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String qualifier : TRAILING_QUALIFIERS) {
        if (text.endsWith(qualifier)) {
          text = text.substring(0, text.length() - qualifier.length());
          stripped = true;
        }
      }
    }
    return text;
  }

  private static int matchingOpen(String text, int close) {
    int depth = 0;
    for (int i = close; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')') {
        depth++;
      } else if (c == '(') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * Function templates carry their return type ({@code int* std::copy<...>}): drop everything
   * up to the last space outside brackets. Spaces after {@code operator} belong to the name
   * ({@code operator new}, {@code operator unsigned long}), and its symbols ({@code <}, {@code
   * ->}) would confuse bracket counting, so only the text before it is scanned.
   */
  private static String stripReturnType(String name) {
    int operator = operatorKeyword(name);
    int limit = operator < 0 ? name.length() : operator;
    int depth = 0;
    int lastSpace = -1;
    for (int i = 0; i < limit; i++) {
      char c = name.charAt(i);
      if (c == '<' || c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == '>' || c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == ' ' && depth == 0) {
        lastSpace = i;
      }
    }
    return lastSpace < 0 ? name : name.substring(lastSpace + 1);
  }

  private static int operatorKeyword(String name) {
    int at = name.lastIndexOf("operator");
    while (at >= 0) {
      boolean startsWord = at == 0 || name.charAt(at - 1) == ':' || name.charAt(at - 1) == ' ';
      int end = at + "operator".length();
      boolean endsWord = end >= name.length() || !Character.isJavaIdentifierPart(name.charAt(end));
      if (startsWord && endsWord) {
        return at;
      }
      at = name.lastIndexOf("operator", at - 1);
    }
    return -1;
  }
}
