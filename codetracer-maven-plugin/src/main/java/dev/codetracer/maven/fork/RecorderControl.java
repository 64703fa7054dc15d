package dev.codetracer.maven.fork;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The JVM recorder's API ({@code dev.codetracer.agent.api.CodeTracer}), reached by reflection:
 * the agent jar sits on the system class path when {@code -javaagent} loaded it, and the
 * launcher must also run (without recording) when it did not.
 */
final class RecorderControl {
  private static final String API_CLASS = "dev.codetracer.agent.api.CodeTracer";

  private final Method start;
  private final Method stop;

  private RecorderControl(Method start, Method stop) {
    this.start = start;
    this.stop = stop;
  }

  /** The recorder of this JVM, or null when no agent was loaded. */
  static RecorderControl ofThisJvm() {
    try {
      Class<?> api = Class.forName(API_CLASS, true, ClassLoader.getSystemClassLoader());
      if (!(Boolean) api.getMethod("isActive").invoke(null)) {
        return null;
      }
      return new RecorderControl(api.getMethod("start", String.class, Path.class), api.getMethod("stop", boolean.class));
    } catch (ClassNotFoundException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the JVM recorder's API does not answer: " + e, e);
    }
  }

  /** Starts recording the calling thread; false when a recording is already running. */
  boolean start(String name, Path folder) {
    return (Boolean) call(start, name, folder);
  }

  /** Stops; the finished folder when kept, else null. */
  Path stop(boolean keep) {
    return (Path) call(stop, keep);
  }

  private static Object call(Method method, Object... args) {
    try {
      return method.invoke(null, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
