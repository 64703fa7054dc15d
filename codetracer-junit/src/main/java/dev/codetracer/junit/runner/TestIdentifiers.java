package dev.codetracer.junit.runner;

import dev.codetracer.junit.recording.TestDescription;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** {@link TestDescription}s of the Launcher's {@link TestIdentifier}s. */
final class TestIdentifiers {
  private TestIdentifiers() {}

  static TestDescription describe(TestIdentifier test, TestPlan plan) {
    String className = null;
    String methodName = null;
    // Dynamic tests often have no source of their own: use the nearest one above them.
    for (TestIdentifier current = test; current != null; current = parent(current, plan)) {
      Optional<TestSource> source = current.getSource();
      if (source.isPresent() && source.get() instanceof MethodSource) {
        MethodSource method = (MethodSource) source.get();
        className = method.getClassName();
        methodName = method.getMethodName();
        break;
      }
      if (source.isPresent() && source.get() instanceof ClassSource) {
        className = ((ClassSource) source.get()).getClassName();
        break;
      }
    }
    TestDescription described = new TestDescription(test.getUniqueId(), test.getDisplayName(), className, methodName, null);
    return new TestDescription(
        described.uniqueId(), described.displayName(), className, methodName, parametersOf(described));
  }

  /** {@code [2] a=1, b=0} (a parameterized invocation's default name) gives {@code a=1, b=0}. */
  private static String parametersOf(TestDescription test) {
    String name = test.displayName();
    if (test.invocation() == null || name == null || !name.startsWith("[")) {
      return null;
    }
    int end = name.indexOf("] ");
    return end < 0 ? null : name.substring(end + 2);
  }

  private static TestIdentifier parent(TestIdentifier test, TestPlan plan) {
    return plan.getParent(test).orElse(null);
  }
}
