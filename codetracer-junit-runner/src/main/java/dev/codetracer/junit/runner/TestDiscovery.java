package dev.codetracer.junit.runner;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** The Launcher's discovery request for the tests the options select. */
final class TestDiscovery {
  /** {@code @RecordOnFailure} (codetracer-junit) stands aside: the runner records, or nothing does. */
  static final Map<String, String> ALWAYS = Map.of("codetracer.enabled", "false");

  /**
   * While recording, tests run one after the other: a recording follows one thread, and JUnit's
   * parallel execution would run tests on others.
   */
  static final Map<String, String> WHILE_RECORDING = Map.of("junit.jupiter.execution.parallel.enabled", "false");

  private TestDiscovery() {}

  static LauncherDiscoveryRequest request(RunnerOptions options) {
    List<DiscoverySelector> selectors = new ArrayList<>();
    options.uniqueIds().forEach(id -> selectors.add(DiscoverySelectors.selectUniqueId(id)));
    options.classes().forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
    options.methods().forEach(name -> selectors.add(DiscoverySelectors.selectMethod(name)));
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    TestSelection selection = options.testSelection();
    if (selection != null) {
      Set<String> scanned = scannedClasses(options, selection);
      scanned.forEach(name -> selectors.add(DiscoverySelectors.selectClass(name)));
      if (selection.filtersMethods()) {
        request.filters(methodFilter(selection, scanned, options));
      }
    }
    if (!options.includeTags().isEmpty()) {
      request.filters(TagFilter.includeTags(options.includeTags()));
    }
    if (!options.excludeTags().isEmpty()) {
      request.filters(TagFilter.excludeTags(options.excludeTags()));
    }
    request.selectors(selectors);
    request.configurationParameters(options.configuration());
    request.configurationParameters(ALWAYS);
    if (!options.isUnrecorded()) {
      request.configurationParameters(WHILE_RECORDING);
    }
    return request.build();
  }

  private static Set<String> scannedClasses(RunnerOptions options, TestSelection selection) {
    List<Path> roots = options.scanRoots().isEmpty() ? classPathFolders() : options.scanRoots();
    Set<String> classes = new LinkedHashSet<>();
    for (Path root : roots) {
      try {
        classes.addAll(TestClassScanner.selectedClasses(root, selection));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the test classes in " + root + ": " + e.getMessage(), e);
      }
    }
    return classes;
  }

  /**
   * Keeps the methods of the scanned classes that the patterns name; tests selected otherwise, and
   * containers, stay (containers left empty are pruned by the Launcher).
   */
  private static PostDiscoveryFilter methodFilter(TestSelection selection, Set<String> scanned, RunnerOptions options) {
    return descriptor -> {
      if (!(descriptor.getSource().orElse(null) instanceof MethodSource)) {
        return FilterResult.included("not a method");
      }
      MethodSource method = (MethodSource) descriptor.getSource().get();
      if (!isScanned(method.getClassName(), scanned) || isSelectedOtherwise(descriptor.getUniqueId().toString(), method, options)) {
        return FilterResult.included("selected otherwise");
      }
      return FilterResult.includedIf(
          selection.selectsMethod(method.getClassName(), method.getMethodName()),
          () -> "selected",
          () -> "not selected by " + selection.filter());
    };
  }

  /** The class, or a class it is nested in, was picked by scanning. */
  private static boolean isScanned(String className, Set<String> scanned) {
    for (String name = className; ; name = name.substring(0, name.lastIndexOf('$'))) {
      if (scanned.contains(name)) {
        return true;
      }
      if (name.lastIndexOf('$') < 0) {
        return false;
      }
    }
  }

  /** Selected by unique id (it or a container above it), by class, or by method. */
  private static boolean isSelectedOtherwise(String uniqueId, MethodSource method, RunnerOptions options) {
    String methodName = method.getClassName() + "#" + method.getMethodName();
    return options.uniqueIds().stream().anyMatch(uniqueId::startsWith)
        || options.classes().contains(method.getClassName())
        || options.methods().stream().anyMatch(selected -> selected.equals(methodName) || selected.startsWith(methodName + "("));
  }

  private static List<Path> classPathFolders() {
    List<Path> folders = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) {
        folders.add(Path.of(entry).toAbsolutePath().normalize());
      }
    }
    return folders;
  }
}
