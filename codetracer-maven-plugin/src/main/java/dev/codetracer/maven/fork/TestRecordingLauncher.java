package dev.codetracer.maven.fork;

import dev.codetracer.maven.selection.TestSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the forked test JVM: runs the planned tests through the JUnit Platform
 * Launcher (every engine on the project's test class path: Jupiter, Vintage, ...), records each
 * test with the JVM recorder when it is loaded, and writes the outcomes for the build to read.
 *
 * <p>Exit status: 0 when every test passed, 1 when one failed, 2 when the run itself failed.
 */
public final class TestRecordingLauncher {
  /**
   * While this launcher records every test: tests run one after the other (a recording follows one
   * thread, JUnit's parallel execution would run tests on others), and {@code @RecordOnFailure}
   * (codetracer-junit) stands aside instead of competing for the one recording.
   */
  static final Map<String, String> WHILE_RECORDING =
      Map.of("junit.jupiter.execution.parallel.enabled", "false", "codetracer.enabled", "false");

  private TestRecordingLauncher() {}

  public static void main(String[] args) {
    int status;
    try {
      if (args.length != 1) {
        throw new IllegalArgumentException("usage: TestRecordingLauncher <plan.properties>");
      }
      status = run(ForkPlan.read(Path.of(args[0])));
    } catch (Throwable e) {
      System.err.println("codetracer: the forked test run failed: " + e);
      e.printStackTrace();
      status = 2;
    }
    System.out.flush();
    System.err.flush();
    // Like Surefire's booter: threads a test left running must not keep the JVM alive.
    System.exit(status);
  }

  static int run(ForkPlan plan) throws Exception {
    RecorderControl recorder = plan.keep() == ForkPlan.Keep.NONE ? null : RecorderControl.ofThisJvm();
    RecordingListener listener = new RecordingListener(recorder, plan.output(), plan.keep());
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request(plan), listener);
    List<Map<String, Object>> results = listener.results();
    ResultsFile.write(plan.results(), results);
    boolean failed = results.stream().anyMatch(r -> "failed".equals(r.get(ResultKeys.OUTCOME)));
    return failed ? 1 : 0;
  }

  static LauncherDiscoveryRequest request(ForkPlan plan) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    if (!plan.uniqueIds().isEmpty()) {
      plan.uniqueIds().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
    } else {
      plan.classes().forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
    }
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameters(plan.configurationParameters());
    if (plan.keep() != ForkPlan.Keep.NONE) {
      request.configurationParameters(WHILE_RECORDING);
    }
    if (!plan.filter().isEmpty() && plan.uniqueIds().isEmpty()) {
      TestSelection selection = TestSelection.parse(plan.filter());
      if (selection.filtersMethods()) {
        request.filters(methodFilter(selection));
      }
    }
    if (!plan.groups().isEmpty()) {
      request.filters(TagFilter.includeTags(plan.groups().split(",")));
    }
    if (!plan.excludedGroups().isEmpty()) {
      request.filters(TagFilter.excludeTags(plan.excludedGroups().split(",")));
    }
    return request.build();
  }

  /** Keeps the methods the filter names; classes and other containers stay (emptied ones are pruned). */
  private static PostDiscoveryFilter methodFilter(TestSelection selection) {
    return (TestDescriptor descriptor) -> {
      if (descriptor.getSource().orElse(null) instanceof MethodSource) {
        MethodSource method = (MethodSource) descriptor.getSource().get();
        return selection.selectsMethod(method.getClassName(), method.getMethodName())
            ? FilterResult.included("selected")
            : FilterResult.excluded("not selected by " + selection.filter());
      }
      return FilterResult.included("container");
    };
  }
}
