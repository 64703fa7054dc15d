package dev.codetracer.junit.runner;

import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** {@link TestDescription}s of the Launcher's {@link TestIdentifier}s. */
final class TestIdentifiers {
  private TestIdentifiers() {}

  /** The test with the class and method of its nearest source (a dynamic test has often none of its own). */
  static TestDescription describe(TestIdentifier test, TestPlan plan) {
    for (TestIdentifier current = test; current != null; current = plan.getParent(current).orElse(null)) {
      Optional<TestSource> source = current.getSource();
      if (source.isPresent() && source.get() instanceof MethodSource) {
        MethodSource method = (MethodSource) source.get();
        return describe(test, method.getClassName(), method.getMethodName());
      }
      if (source.isPresent() && source.get() instanceof ClassSource) {
        return describe(test, ((ClassSource) source.get()).getClassName(), null);
      }
    }
    return describe(test, null, null);
  }

  private static TestDescription describe(TestIdentifier test, String className, String methodName) {
    return new TestDescription(test.getUniqueId(), test.getDisplayName(), className, methodName, null);
  }
}
