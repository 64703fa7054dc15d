package dev.codetracer.agent;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opens the java.base packages whose internals the value reader needs (collections, string
 * builders, exception messages) to the agent alone, with {@link
 * Instrumentation#redefineModule}: the program's own view of the JDK does not change. Also exports
 * the JDK's internal {@code Unsafe}, through which the value reader reads fields ({@code
 * FieldReader}).
 */
final class ModuleOpener {
  private static final String[] PACKAGES = {"java.lang", "java.util", "java.util.concurrent", "java.util.concurrent.atomic"};

  private ModuleOpener() {}

  static void openJavaBase(Instrumentation instrumentation) {
    Module agent = ModuleOpener.class.getModule();
    Module base = Object.class.getModule();
    Map<String, Set<Module>> opens = new HashMap<>();
    for (String pkg : PACKAGES) {
      opens.put(pkg, Set.of(agent));
    }
    Map<String, Set<Module>> exports = Map.of("jdk.internal.misc", Set.of(agent));
    instrumentation.redefineModule(base, Set.of(), exports, opens, Set.of(), Map.of());
  }
}
