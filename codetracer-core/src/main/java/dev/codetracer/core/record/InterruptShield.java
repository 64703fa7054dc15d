package dev.codetracer.core.record;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * While the recorded program runs in the foreground, Ctrl-C is meant for it, not for us: the
 * terminal sends SIGINT to the whole process group, and a JVM that died of it would leave a
 * recording without metadata. Like a shell waiting for its foreground job, this JVM ignores
 * SIGINT until closed; the program still receives it, because a handled (not ignored) signal is
 * reset to its default at exec.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported) through reflection, which keeps the
 * build free of proprietary-API warnings; where it is missing, nothing is shielded.
 */
public final class InterruptShield implements AutoCloseable {
  private final Object signal;
  private final Object previousHandler;
  private final Method handle;

  private InterruptShield(Object signal, Object previousHandler, Method handle) {
    this.signal = signal;
    this.previousHandler = previousHandler;
    this.handle = handle;
  }

  public static InterruptShield raise() {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
      Object doNothing =
          Proxy.newProxyInstance(
              InterruptShield.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (proxy, method, args) -> objectMethod(proxy, method, args));
      Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
      return new InterruptShield(sigint, handle.invoke(null, sigint, doNothing), handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // no sun.misc.Signal, or the JVM reserves SIGINT (-Xrs): record without the shield
      return new InterruptShield(null, null, null);
    }
  }

  /** The handler's own method does nothing; Object's methods behave as for any object. */
  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      case "toString" -> "codetracer: SIGINT goes to the recorded program";
      default -> null;
    };
  }

  @Override
  public void close() {
    if (handle == null) {
      return;
    }
    try {
      handle.invoke(null, signal, previousHandler);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // restoring can only fail if installing failed, which is handled in raise()
    }
  }
}
