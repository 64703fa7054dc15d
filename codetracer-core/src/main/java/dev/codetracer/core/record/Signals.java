package dev.codetracer.core.record;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Handles a POSIX signal in this JVM through {@code sun.misc.Signal} (module jdk.unsupported),
 * reached by reflection, which keeps the build free of proprietary-API warnings. Where it is
 * missing, or the JVM reserves the signal ({@code -Xrs}), nothing is handled. A program started
 * while a signal is handled (not ignored) gets it at its default disposition: exec resets it.
 */
final class Signals {
  private Signals() {}

  /** A handler installed by {@link #handle}; {@link #restore} puts the one before it back. */
  static final class Installed {
    private final Object signal;
    private final Object previous;
    private final Method handle;

    private Installed(Object signal, Object previous, Method handle) {
      this.signal = signal;
      this.previous = previous;
      this.handle = handle;
    }

    void restore() {
      if (handle == null) {
        return;
      }
      try {
        handle.invoke(null, signal, previous);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // restoring can only fail if installing failed, which handle() answered with NONE
      }
    }
  }

  private static final Installed NONE = new Installed(null, null, null);

  /** Runs {@code action} (on a JVM thread of its own) whenever the signal ({@code "INT"}, {@code "TERM"}) arrives. */
  static Installed handle(String name, Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      Object handler =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "handle":
                    action.run();
                    return null;
                  case "hashCode":
                    return System.identityHashCode(proxy);
                  case "equals":
                    return proxy == args[0];
                  case "toString":
                    return "codetracer's SIG" + name + " handler";
                  default:
                    return null;
                }
              });
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      return new Installed(signal, handle.invoke(null, signal, handler), handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return NONE;
    }
  }
}
