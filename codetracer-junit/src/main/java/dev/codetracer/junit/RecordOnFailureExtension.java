package dev.codetracer.junit;

import dev.codetracer.junit.recording.ConsoleReport;
import dev.codetracer.junit.runner.TestDescription;
import dev.codetracer.junit.runner.ThreadRecorder;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * The extension behind {@link RecordOnFailure}. It records each test from before its first
 * {@code @BeforeEach} to after its last {@code @AfterEach} ({@code retain}), or collects the
 * failed tests and runs them again under the recorder at the end of the run ({@code rerun}).
 *
 * <p>Whatever happens while recording, the test's outcome is its own: every step here catches
 * its errors and reports them in one line instead of throwing.
 */
public class RecordOnFailureExtension implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor {
  private static final Namespace NAMESPACE = Namespace.create(RecordOnFailureExtension.class);
  private static final String OWNER = "owner";
  private static final String STARTED = "started";
  private static final String PARAMETERS = "parameters";

  /**
   * True when this registration records the test. {@link RecordOnFailure} and an explicit
   * registration always do; the auto-detected registration only when asked to.
   */
  protected boolean appliesTo(ExtensionRun run) {
    return true;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    guarded(
        context,
        () -> {
          if (!claim(context)) {
            return;
          }
          if (TestContexts.isTestFactory(context)) {
            return; // its dynamic tests are recorded one by one, in interceptDynamicTest
          }
          ExtensionRun run = run(context);
          ThreadRecorder.Result started = run.testStarting(describe(context), TestContexts.budgetKey(context));
          if (started != null) {
            store(context).put(STARTED, started);
          }
        });
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    guarded(context, () -> store(context).put(PARAMETERS, ArgumentRenderer.render(invocationContext.getArguments(), context.getDisplayName())));
    invocation.proceed();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    guarded(
        context,
        () -> {
          if (!owns(context) || TestContexts.isTestFactory(context)) {
            return;
          }
          ThreadRecorder.Result started = store(context).remove(STARTED, ThreadRecorder.Result.class);
          run(context)
              .testFinished(describe(context), TestContexts.budgetKey(context), started, context.getExecutionException().orElse(null));
        });
  }

  @Override
  public void interceptDynamicTest(
      Invocation<Void> invocation, DynamicTestInvocationContext invocationContext, ExtensionContext context)
      throws Throwable {
    boolean[] recording = {false};
    ThreadRecorder.Result[] started = {null};
    guarded(
        context,
        () -> {
          recording[0] = owns(context);
          if (recording[0]) {
            started[0] = run(context).testStarting(describe(context), TestContexts.budgetKey(context));
          }
        });
    Throwable failure = null;
    try {
      invocation.proceed();
    } catch (Throwable t) {
      failure = t;
    }
    if (recording[0]) {
      Throwable outcome = failure;
      guarded(context, () -> run(context).testFinished(describe(context), TestContexts.budgetKey(context), started[0], outcome));
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Only one registration of this extension records a test (it may be both annotated and auto-detected). */
  private boolean claim(ExtensionContext context) {
    ExtensionRun run = run(context);
    if (!run.settings().enabled() || !appliesTo(run)) {
      return false;
    }
    return store(context).getOrComputeIfAbsent(OWNER, key -> this) == this;
  }

  /** The test's owner; for a dynamic test, that of its factory. */
  private boolean owns(ExtensionContext context) {
    return run(context).settings().enabled() && store(context).get(OWNER) == this;
  }

  private static TestDescription describe(ExtensionContext context) {
    return TestContexts.describe(context, store(context).get(PARAMETERS, String.class));
  }

  private static ExtensionRun run(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ExtensionRun.class, key -> ExtensionRun.create(context), ExtensionRun.class);
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(NAMESPACE);
  }

  /** Runs a step of the extension; a failure in it is reported, never thrown into the test. */
  private static void guarded(ExtensionContext context, Runnable step) {
    try {
      step.run();
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
        // Out of memory: say so in one line without allocating much; the test's own result stands.
        System.err.println(ConsoleReport.PREFIX + "warning: recording gave up: " + e.getClass().getName());
        return;
      }
      System.err.println(
          ConsoleReport.PREFIX + "warning: recording of " + context.getUniqueId() + " failed: " + e);
    }
  }
}
