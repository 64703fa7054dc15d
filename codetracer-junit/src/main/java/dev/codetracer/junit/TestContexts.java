package dev.codetracer.junit;

import dev.codetracer.junit.runner.TestDescription;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the extension needs to know about a test from its {@link ExtensionContext}. */
final class TestContexts {
  private static final String PARAMETERIZED_TEST = "org.junit.jupiter.params.ParameterizedTest";
  private static final String TEMPLATE_INVOCATION = "[test-template-invocation:";
  private static final String TEST_FACTORY = "[test-factory:";

  private TestContexts() {}

  static TestDescription describe(ExtensionContext context, String parameters) {
    return new TestDescription(
        context.getUniqueId(),
        context.getDisplayName(),
        nearestClass(context).map(Class::getName).orElse(null),
        nearestMethod(context).map(Method::getName).orElse(null),
        parameters);
  }

  /** A dynamic test's context has neither class nor method: those of its factory are meant. */
  private static Optional<Class<?>> nearestClass(ExtensionContext context) {
    for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent(); current = current.get().getParent()) {
      if (current.get().getTestClass().isPresent()) {
        return current.get().getTestClass();
      }
    }
    return Optional.empty();
  }

  private static Optional<Method> nearestMethod(ExtensionContext context) {
    for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent(); current = current.get().getParent()) {
      if (current.get().getTestMethod().isPresent()) {
        return current.get().getTestMethod();
      }
    }
    return Optional.empty();
  }

  /**
   * The test as the recording budget counts it: each attempt of a retried test ({@code
   * RepeatedTest}, retry extensions) is the same test, each invocation of a parameterized test a
   * test of its own.
   */
  static String budgetKey(ExtensionContext context) {
    String id = context.getUniqueId();
    int last = id.lastIndexOf('/');
    boolean invocation = last >= 0 && id.startsWith(TEMPLATE_INVOCATION, last + 1);
    if (!invocation || context.getTestMethod().map(TestContexts::isParameterized).orElse(false)) {
      return id;
    }
    return id.substring(0, last);
  }

  /**
   * A test factory's own context, told by the last segment of its unique id: an annotation lookup
   * would walk every meta-annotation of the method, twice for every test of the run.
   */
  static boolean isTestFactory(ExtensionContext context) {
    String id = context.getUniqueId();
    return id.startsWith(TEST_FACTORY, id.lastIndexOf('/') + 1);
  }

  private static boolean isParameterized(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      Class<? extends Annotation> type = annotation.annotationType();
      if (type.getName().equals(PARAMETERIZED_TEST)) {
        return true;
      }
      for (Annotation meta : type.getAnnotations()) {
        if (meta.annotationType().getName().equals(PARAMETERIZED_TEST)) {
          return true;
        }
      }
    }
    return false;
  }
}
