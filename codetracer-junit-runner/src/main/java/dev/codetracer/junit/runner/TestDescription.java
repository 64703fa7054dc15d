package dev.codetracer.junit.runner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies a test in its recording's metadata and folder name.
 *
 * @param uniqueId JUnit's unique id (selects exactly this test again, even an invocation of a
 *     parameterized or dynamic test)
 * @param className the test class (binary name; {@code Outer$Inner} for {@code @Nested})
 * @param methodName the test method, or null when the engine has none
 * @param parameters the arguments of a parameterized invocation, rendered, or null
 */
public record TestDescription(
    String uniqueId, String displayName, String className, String methodName, String parameters) {

  private static final Pattern LAST_SEGMENT = Pattern.compile("\\[([^:\\]]+):([^\\]]*)\\]$");

  /**
   * The number of this invocation of a test template ({@code @ParameterizedTest}, {@code
   * RepeatedTest}) or dynamic test, or null.
   */
  public String invocation() {
    Matcher matcher = LAST_SEGMENT.matcher(uniqueId);
    if (!matcher.find()) {
      return null;
    }
    String type = matcher.group(1);
    String value = matcher.group(2);
    boolean invocation = type.endsWith("-invocation") || type.startsWith("dynamic-");
    return invocation && value.startsWith("#") ? value.substring(1) : null;
  }

  /** {@code CalculatorTest.divides}, for messages: class without package, nested classes dotted. */
  public String shortName() {
    String simple = className == null ? displayName : className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    String name = methodName == null ? simple : simple + "." + methodName;
    String invocation = invocation();
    return invocation == null ? name : name + "[" + invocation + "]";
  }

  /**
   * What a person reads: the short name with the arguments of a parameterized invocation, or
   * with the display name when that says more.
   */
  public String label() {
    String shortName = shortName();
    if (parameters != null && methodName != null) {
      int invocationStart = shortName.lastIndexOf('[');
      return (invocationStart > 0 ? shortName.substring(0, invocationStart) : shortName) + parameters;
    }
    if (displayName == null || displayName.isBlank() || shortName.contains(displayName.replace("()", ""))) {
      return shortName;
    }
    return shortName + " \"" + displayName + "\"";
  }
}
