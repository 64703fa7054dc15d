package dev.codetracer.core.jvm;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * While the recorded JVM runs in the foreground, Ctrl-C is meant for it: the terminal sends
 * SIGINT to the whole process group, the recorded JVM ends its change log in its shutdown hook,
 * and this JVM must live on to expand it. So, as a shell does for its foreground job, SIGINT is
 * ignored here until closed. {@code sun.misc.Signal} is reached reflectively (no
 * proprietary-API warnings); where it is missing, nothing is guarded.
 */
final class InterruptGuard implements AutoCloseable {
  private final Object signal;
  private final Object previous;
  private final Method handle;

  private InterruptGuard(Object signal, Object previous, Method handle) {
    this.signal = signal;
    this.previous = previous;
    this.handle = handle;
  }

  static InterruptGuard raise() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
      Object ignore = Proxy.newProxyInstance(
          InterruptGuard.class.getClassLoader(),
          new Class<?>[] {handlerClass},
          (proxy, method, args) -> switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "codetracer: SIGINT goes to the recorded JVM";
            default -> null;
          });
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      return new InterruptGuard(sigint, handle.invoke(null, sigint, ignore), handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return new InterruptGuard(null, null, null);
    }
  }

  @Override
  public void close() {
    if (handle != null) {
      try {
        handle.invoke(null, signal, previous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // restoring fails only if raising did, which left nothing to restore
      }
    }
  }
}
