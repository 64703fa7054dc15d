package dev.codetracer.agent;

import dev.codetracer.agent.values.OffsetReaders;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Gives the value reader the one thing it needs from java.base: its internal {@code Unsafe},
 * exported with {@link Instrumentation#redefineModule} to the module of the reader's own class
 * loader ({@link OffsetReaders}), through which the value reader reads the fields of JDK
 * collections, string builders and exceptions. Nothing is opened or exported to the class path's
 * module, which the agent shares with the program: the program's view of the JDK does not change.
 */
final class JavaBaseExports {
  private JavaBaseExports() {}

  static void exportUnsafeToValueReader(Instrumentation instrumentation) {
    Module base = Object.class.getModule();
    OffsetReaders.install(
        reader -> instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(reader)), Map.of(), Set.of(), Map.of()));
  }
}
