package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodNamesTest {
  @Test
  void readableNames() {
    assertThat(MethodNames.readable("com/acme/Order", "total")).isEqualTo("com.acme.Order.total");
    assertThat(MethodNames.readable("com/acme/Order$Line", "price")).isEqualTo("com.acme.Order.Line.price");
    assertThat(MethodNames.readable("com/acme/Order$1", "run")).isEqualTo("com.acme.Order$1.run");
    assertThat(MethodNames.readable("com/acme/Order$1Local", "run")).isEqualTo("com.acme.Order$1Local.run");
    assertThat(MethodNames.readable("Main", "<init>")).isEqualTo("Main.<constructor>");
    assertThat(MethodNames.readable("Main", "<clinit>")).isEqualTo("Main.<static initializer>");
    assertThat(MethodNames.readable("a/Main", "lambda$main$0")).isEqualTo("a.Main.main.<lambda#0>");
    assertThat(MethodNames.readable("a/Main", "lambda$new$3")).isEqualTo("a.Main.<constructor>.<lambda#3>");
    assertThat(MethodNames.readable("a/Main", "lambda$static$1")).isEqualTo("a.Main.<static initializer>.<lambda#1>");
    assertThat(MethodNames.readable("a/Odd$$Name", "m")).isEqualTo("a.Odd$$Name.m");
  }
}
