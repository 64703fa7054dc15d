package dev.codetracer.agent.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeNamesTest {
  /** A nested class of a nested class. */
  static final class Outer {
    static final class Inner {}
  }

  @Test
  void aProxyKeepsTheDollarItsNameStartsWith() {
    Class<?> proxy = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Runnable.class}, (p, m, a) -> null).getClass();
    assertThat(proxy.getSimpleName()).startsWith("$Proxy");
    assertThat(TypeNames.readable(proxy)).isEqualTo(proxy.getName());
  }

  @Test
  void nestedClassesReadWithDots() {
    assertThat(TypeNames.readable(Outer.Inner.class)).isEqualTo("dev.codetracer.agent.values.TypeNamesTest.Outer.Inner");
    assertThat(TypeNames.readable(HashMap.class)).isEqualTo("HashMap");
    assertThat(TypeNames.readable(Map.Entry[].class)).isEqualTo("Map.Entry[]");
  }
}
