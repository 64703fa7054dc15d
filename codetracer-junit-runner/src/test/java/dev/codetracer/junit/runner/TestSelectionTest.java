package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSelectionTest {
  @Test
  void withoutFilterSurefiresDefaultIncludesAndExcludesDecide() {
    TestSelection selection = TestSelection.parse(null);
    assertThat(selection.hasFilter()).isFalse();
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.TestCalculator")).isTrue();
    assertThat(selection.selectsClass("com.acme.CalculatorTests")).isTrue();
    assertThat(selection.selectsClass("com.acme.CalculatorTestCase")).isTrue();
    assertThat(selection.selectsClass("com.acme.Calculator")).isFalse();
    assertThat(selection.selectsClass("com.acme.CalculatorTest$Nested")).isFalse();
    assertThat(selection.selectsMethod("com.acme.CalculatorTest", "adds")).isTrue();
  }

  @Test
  void theProjectsIncludesAndExcludesReplaceTheDefaults() {
    TestSelection selection = TestSelection.of("", List.of("**/*Check.java", "**/*Spec.java"), List.of("**/Ignored*"));
    assertThat(selection.selectsClass("com.acme.SettingsCheck")).isTrue();
    assertThat(selection.selectsClass("com.acme.LoginSpec")).isTrue();
    assertThat(selection.selectsClass("com.acme.IgnoredCheck")).isFalse();
    assertThat(selection.selectsClass("com.acme.PlainTest")).isFalse();
  }

  @Test
  void aSimpleClassNameMatchesInAnyPackage() {
    TestSelection selection = TestSelection.parse("CalculatorTest");
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.OtherCalculatorTest")).isFalse();
    assertThat(selection.filtersMethods()).isFalse();
  }

  @Test
  void aFilterReplacesTheIncludesAsDashDTestDoes() {
    TestSelection selection = TestSelection.of("Calculator", List.of("**/*Check.java"), List.of());
    assertThat(selection.selectsClass("com.acme.Calculator")).isTrue();
  }

  @Test
  void qualifiedNamesAndPathsAreAnchored() {
    assertThat(TestSelection.parse("com.acme.CalculatorTest").selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(TestSelection.parse("com.acme.CalculatorTest").selectsClass("org.com.acme.CalculatorTest")).isFalse();
    assertThat(TestSelection.parse("com/acme/**/*Test").selectsClass("com.acme.deep.er.ThingTest")).isTrue();
    assertThat(TestSelection.parse("com/acme/**/*Test").selectsClass("org.acme.ThingTest")).isFalse();
    assertThat(TestSelection.parse("CalculatorTest.java").selectsClass("com.acme.CalculatorTest")).isTrue();
  }

  @Test
  void globsMatchWithinOnePackageLevel() {
    TestSelection selection = TestSelection.parse("Calc*Test");
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.CalcTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.GreetingTest")).isFalse();
  }

  @Test
  void methodsByNamePatternAndPlus() {
    TestSelection selection = TestSelection.parse("CalculatorTest#add*+divides");
    assertThat(selection.filtersMethods()).isTrue();
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsMethod("com.acme.CalculatorTest", "adds")).isTrue();
    assertThat(selection.selectsMethod("com.acme.CalculatorTest", "addsNegatives")).isTrue();
    assertThat(selection.selectsMethod("com.acme.CalculatorTest", "divides")).isTrue();
    assertThat(selection.selectsMethod("com.acme.CalculatorTest", "dividesByZero")).isFalse();
    assertThat(selection.selectsMethod("com.acme.GreetingTest", "adds")).isFalse();
  }

  @Test
  void nestedClassesAreSelectedThroughTheirOuterClass() {
    TestSelection selection = TestSelection.parse("CalculatorTest#divides*");
    assertThat(selection.selectsMethod("com.acme.CalculatorTest$Division", "dividesByZero")).isTrue();
  }

  @Test
  void severalEntriesAndExclusions() {
    TestSelection selection = TestSelection.parse("*Test, !Slow*, CalculatorTest#adds, !GreetingTest#greetsNobody");
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.SlowTest")).isFalse();
    assertThat(selection.selectsClass("com.acme.GreetingTest")).isTrue();
    assertThat(selection.selectsMethod("com.acme.GreetingTest", "greetsByName")).isTrue();
    assertThat(selection.selectsMethod("com.acme.GreetingTest", "greetsNobody")).isFalse();
  }

  @Test
  void onlyExclusionsKeepTheIncludes() {
    TestSelection selection = TestSelection.parse("!GreetingTest");
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.GreetingTest")).isFalse();
    assertThat(selection.selectsClass("com.acme.Calculator")).isFalse();
  }

  @Test
  void regexPatterns() {
    TestSelection selection = TestSelection.parse("%regex[com/acme/.*(Calc|Greet).*Test.*], OtherTest");
    assertThat(selection.selectsClass("com.acme.CalculatorTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.GreetingTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.OtherTest")).isTrue();
    assertThat(selection.selectsClass("com.acme.ThirdTest")).isFalse();
  }

  @Test
  void aMethodPartWithoutMethodsIsRefused() {
    assertThatThrownBy(() -> TestSelection.parse("CalculatorTest#"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"CalculatorTest#\" names no method");
  }

  // Cases that codetracer-junit's runner covered with its own -Dtest reader, before the two met.

  @Test
  void aSimpleClassNameAlsoSelectsTheMethodsOfItsNestedClasses() {
    TestSelection selection = TestSelection.parse("CartTest");
    assertThat(selection.selectsClass("com.acme.CartTest")).isTrue();
    assertThat(selection.selectsClass("CartTest")).isTrue();
    assertThat(selection.selectsMethod("com.acme.CartTest$Discounts", "bulk")).isTrue();
    assertThat(selection.selectsClass("com.acme.OtherCartTest")).isFalse();
  }

  @Test
  void wildcardsPackagesAndPaths() {
    assertThat(TestSelection.parse("Cart*").selectsClass("a.b.CartTest")).isTrue();
    assertThat(TestSelection.parse("Cart*").selectsClass("a.b.MyCartTest")).isFalse();
    assertThat(TestSelection.parse("com.acme.?artTest").selectsClass("com.acme.CartTest")).isTrue();
    assertThat(TestSelection.parse("com.acme.CartTest").selectsClass("org.acme.CartTest")).isFalse();
    assertThat(TestSelection.parse("com/acme/**/CartTest.java").selectsClass("com.acme.shop.cart.CartTest")).isTrue();
    assertThat(TestSelection.parse("com/acme/**/CartTest.java").selectsClass("com.acme.CartTest")).isTrue();
    assertThat(TestSelection.parse("com/acme/**/CartTest.java").selectsClass("org.acme.CartTest")).isFalse();
  }

  @Test
  void methodsInAnyClassExclusionsAndParameterTypes() {
    TestSelection selection = TestSelection.parse("CartTest#adds*+removes, !CartTest#addsTwice, #fast*");
    assertThat(selection.selectsMethod("a.CartTest", "addsOne")).isTrue();
    assertThat(selection.selectsMethod("a.CartTest", "removes")).isTrue();
    assertThat(selection.selectsMethod("a.CartTest", "addsTwice")).isFalse();
    assertThat(selection.selectsMethod("a.CartTest", "clears")).isFalse();
    assertThat(selection.selectsClass("a.OrderTest")).isTrue();
    assertThat(selection.selectsMethod("a.OrderTest", "fastPath")).isTrue();
    TestSelection withTypes = TestSelection.parse("CartTest#adds(int, java.lang.String)+clears(), OrderTest");
    assertThat(withTypes.selectsMethod("a.CartTest", "adds")).isTrue();
    assertThat(withTypes.selectsMethod("a.CartTest", "clears")).isTrue();
    assertThat(withTypes.selectsClass("a.OrderTest")).isTrue();
  }

  @Test
  void withoutInclusionsSurefiresDefaultsApply() {
    TestSelection selection = TestSelection.parse("!SlowTest");
    assertThat(selection.selectsClass("a.CartTest")).isTrue();
    assertThat(selection.selectsClass("a.TestCart")).isTrue();
    assertThat(selection.selectsClass("a.CartTests")).isTrue();
    assertThat(selection.selectsClass("a.CartTestCase")).isTrue();
    assertThat(selection.selectsClass("a.CartSample")).isFalse();
    assertThat(selection.selectsClass("a.SlowTest")).isFalse();
  }

  @Test
  void aRegexThatCannotBeReadIsRefusedWithAMessage() {
    assertThatThrownBy(() -> TestSelection.parse("%regex[.*(Test]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"%regex[.*(Test]\" is not a valid pattern");
  }
}
