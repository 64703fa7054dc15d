package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassNamesTest {
  @Test
  void onlyTheDollarOfANestedClassBecomesADot() {
    assertThat(ClassNames.readable("com.acme.Order")).isEqualTo("com.acme.Order");
    assertThat(ClassNames.readable("com.acme.Order$Line")).isEqualTo("com.acme.Order.Line");
    assertThat(ClassNames.readable("com.acme.Order$Line$Tax")).isEqualTo("com.acme.Order.Line.Tax");
    assertThat(ClassNames.readable("com.acme.Order$1")).isEqualTo("com.acme.Order$1");
    assertThat(ClassNames.readable("com.acme.Order$1Local")).isEqualTo("com.acme.Order$1Local");
    assertThat(ClassNames.readable("jdk.proxy1.$Proxy0")).isEqualTo("jdk.proxy1.$Proxy0");
    assertThat(ClassNames.readable("$Proxy0")).isEqualTo("$Proxy0");
    assertThat(ClassNames.readable("com.acme.Foo$$Lambda")).isEqualTo("com.acme.Foo$$Lambda");
    assertThat(ClassNames.readable("com.acme.Foo$")).isEqualTo("com.acme.Foo$");
  }

  @Test
  void descriptorsNameTypesTheSameWay() {
    assertThat(Descriptors.typeName("Ljdk/proxy1/$Proxy0;")).isEqualTo("$Proxy0");
    assertThat(Descriptors.typeName("[Lcom/acme/Order$Line;")).isEqualTo("Order.Line[]");
  }
}
