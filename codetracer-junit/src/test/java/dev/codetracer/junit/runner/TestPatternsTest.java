package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestPatternsTest {
  @Test
  void aSimpleClassNameMatchesInAnyPackageAndItsNestedClasses() {
    TestPatterns patterns = TestPatterns.parse("CartTest");
    assertThat(patterns.matches("com.acme.CartTest", "adds")).isTrue();
    assertThat(patterns.matches("CartTest", null)).isTrue();
    assertThat(patterns.matches("com.acme.CartTest$Discounts", "bulk")).isTrue();
    assertThat(patterns.matches("com.acme.OtherCartTest", "adds")).isFalse();
  }

  @Test
  void wildcardsPackagesAndPaths() {
    assertThat(TestPatterns.parse("Cart*").matches("a.b.CartTest", "x")).isTrue();
    assertThat(TestPatterns.parse("Cart*").matches("a.b.MyCartTest", "x")).isFalse();
    assertThat(TestPatterns.parse("com.acme.?artTest").matches("com.acme.CartTest", "x")).isTrue();
    assertThat(TestPatterns.parse("com.acme.CartTest").matches("org.acme.CartTest", "x")).isFalse();
    assertThat(TestPatterns.parse("com/acme/**/CartTest.java").matches("com.acme.shop.cart.CartTest", "x")).isTrue();
    assertThat(TestPatterns.parse("com/acme/**/CartTest.java").matches("com.acme.CartTest", "x")).isTrue();
    assertThat(TestPatterns.parse("com/acme/**/CartTest.java").matches("org.acme.CartTest", "x")).isFalse();
  }

  @Test
  void methodsAndExclusions() {
    TestPatterns patterns = TestPatterns.parse("CartTest#adds*+removes, !CartTest#addsTwice, #fast*");
    assertThat(patterns.matches("a.CartTest", "addsOne")).isTrue();
    assertThat(patterns.matches("a.CartTest", "removes")).isTrue();
    assertThat(patterns.matches("a.CartTest", "addsTwice")).isFalse();
    assertThat(patterns.matches("a.CartTest", "clears")).isFalse();
    assertThat(patterns.matches("a.OrderTest", "fastPath")).isTrue();
    assertThat(TestPatterns.parse("CartTest#adds(int)").matches("a.CartTest", "adds")).isTrue();
  }

  @Test
  void withoutIncludesSurefiresDefaultsApply() {
    TestPatterns patterns = TestPatterns.parse("!SlowTest");
    assertThat(patterns.matches("a.CartTest", "x")).isTrue();
    assertThat(patterns.matches("a.TestCart", "x")).isTrue();
    assertThat(patterns.matches("a.CartTests", "x")).isTrue();
    assertThat(patterns.matches("a.CartTestCase", "x")).isTrue();
    assertThat(patterns.matches("a.CartSample", "x")).isFalse();
    assertThat(patterns.matches("a.SlowTest", "x")).isFalse();
  }

  @Test
  void regexPatternsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> TestPatterns.parse("%regex[.*Test]"))
        .isInstanceOf(RunnerOptions.UsageException.class)
        .hasMessageContaining("%regex[...] test patterns are not supported");
  }
}
