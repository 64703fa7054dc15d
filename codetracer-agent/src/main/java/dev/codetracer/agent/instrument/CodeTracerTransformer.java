package dev.codetracer.agent.instrument;

import dev.codetracer.agent.runtime.Definitions;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Decides which classes get probes and hands their bytes to the {@link ClassInstrumenter}. Skips
 * the JDK and whatever the filter excludes, classes whose loader cannot see the agent (their
 * probes could not link), redefinitions, and run-time generated classes (lambda forms, proxies,
 * mocks): those have no SourceFile, which the instrumenter checks, and classes codetracer's own
 * work loads ({@link OwnLoads}). Never throws: a class that cannot be instrumented is loaded as it
 * is.
 */
public final class CodeTracerTransformer implements ClassFileTransformer {
  private final ClassFilter filter;
  private final ClassInstrumenter instrumenter;
  private final Instrumentation instrumentation;
  private final ClassLoader agentLoader = CodeTracerTransformer.class.getClassLoader();
  private final Module agentModule = CodeTracerTransformer.class.getModule();

  public CodeTracerTransformer(ClassFilter filter, ClassInstrumenter instrumenter, Instrumentation instrumentation) {
    this.filter = filter;
    this.instrumenter = instrumenter;
    this.instrumentation = instrumentation;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (className == null || classBeingRedefined != null || !seesAgent(loader) || isGenerated(className)
        || !filter.instruments(className) || OwnLoads.active()) {
      return null;
    }
    try {
      byte[] instrumented = instrumenter.instrument(classfileBuffer);
      if (instrumented != null && module != null && module.isNamed() && !module.canRead(agentModule)) {
        instrumentation.redefineModule(module, Set.of(agentModule), Map.of(), Map.of(), Set.of(), Map.of());
      }
      return instrumented;
    } catch (Throwable e) {
      Definitions.get().fact("classes_not_instrumented[]", className.replace('/', '.') + ": " + e);
      return null;
    }
  }

  private static boolean isGenerated(String className) {
    return className.contains("$$Lambda") || className.contains("$Proxy") || className.contains("$MockitoMock$")
        || className.contains("$$EnhancerBy") || className.contains("$ByteBuddy$") || className.contains("/0x");
  }

  /** True when the loader delegates to the one that loaded the agent (so probes link). */
  private boolean seesAgent(ClassLoader loader) {
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      if (l == agentLoader) {
        return true;
      }
    }
    return false;
  }
}
