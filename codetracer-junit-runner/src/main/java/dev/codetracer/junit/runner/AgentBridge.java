package dev.codetracer.junit.runner;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The JVM recorder's API ({@code dev.codetracer.agent.api.CodeTracer}), reached reflectively: the
 * agent jar is loaded with {@code -javaagent}, never linked against. When the class is missing,
 * or present but not loaded as an agent, this bridge says no recorder is loaded and does nothing.
 *
 * <p>Through core reflection rather than method handles: on Java 17 a call through a handle of a
 * new signature generates its lambda forms, which a short test JVM pays for, while {@link
 * Method#invoke} needs nothing generated for its first calls.
 */
public final class AgentBridge {
  public static final String API_CLASS = "dev.codetracer.agent.api.CodeTracer";

  private static final AgentBridge NONE = new AgentBridge(null, null, null, null, null);
  private static volatile AgentBridge inThisJvm;

  private final Method isRecording;
  private final Method start;
  private final Method stop;
  /** Null when the agent is older than this method: the work is then run as it is. */
  private final Method withoutInstrumenting;
  private final String apiLocation;

  private AgentBridge(Method isRecording, Method start, Method stop, Method withoutInstrumenting, String apiLocation) {
    this.isRecording = isRecording;
    this.start = start;
    this.stop = stop;
    this.withoutInstrumenting = withoutInstrumenting;
    this.apiLocation = apiLocation;
  }

  /** The recorder of this JVM, looked up once. */
  public static AgentBridge inThisJvm() {
    AgentBridge bridge = inThisJvm;
    if (bridge == null) {
      bridge = find(loaders());
      inThisJvm = bridge;
    }
    return bridge;
  }

  /** A bridge that records nothing. */
  public static AgentBridge none() {
    return NONE;
  }

  static AgentBridge find(Iterable<ClassLoader> loaders) {
    for (ClassLoader loader : loaders) {
      Optional<AgentBridge> bridge = tryLoader(loader);
      if (bridge.isPresent()) {
        return bridge.get();
      }
    }
    return NONE;
  }

  private static Iterable<ClassLoader> loaders() {
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    // -javaagent puts the agent jar on the system class path.
    loaders.add(ClassLoader.getSystemClassLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    if (AgentBridge.class.getClassLoader() != null) {
      loaders.add(AgentBridge.class.getClassLoader());
    }
    return loaders;
  }

  private static Optional<AgentBridge> tryLoader(ClassLoader loader) {
    try {
      Class<?> api = Class.forName(API_CLASS, true, loader);
      if (!(boolean) staticMethod(api, "isActive", boolean.class).invoke(null)) {
        return Optional.empty();
      }
      return Optional.of(
          new AgentBridge(
              staticMethod(api, "isRecording", boolean.class),
              staticMethod(api, "start", boolean.class, String.class, Path.class),
              staticMethod(api, "stop", Path.class, boolean.class),
              optionalStaticMethod(api, "withoutInstrumenting", void.class, Runnable.class),
              String.valueOf(api.getProtectionDomain().getCodeSource())));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    } catch (ReflectiveOperationException e) {
      // An agent with another API: treat it as absent rather than guess.
      return Optional.empty();
    } catch (Throwable e) {
      return Optional.empty();
    }
  }

  /** A public static method of the API with exactly this signature. */
  private static Method staticMethod(Class<?> api, String name, Class<?> returns, Class<?>... parameters)
      throws NoSuchMethodException {
    Method method = api.getMethod(name, parameters);
    if (method.getReturnType() != returns || !Modifier.isStatic(method.getModifiers())) {
      throw new NoSuchMethodException(api.getName() + "." + name + " with another signature");
    }
    return method;
  }

  private static Method optionalStaticMethod(Class<?> api, String name, Class<?> returns, Class<?>... parameters) {
    try {
      return staticMethod(api, name, returns, parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** True when the JVM recorder is loaded in this JVM. */
  public boolean isLoaded() {
    return start != null;
  }

  /** True while any recording runs in this JVM (ours or one started elsewhere). */
  public boolean isRecording() {
    if (!isLoaded()) {
      return false;
    }
    try {
      return (boolean) isRecording.invoke(null);
    } catch (Throwable e) {
      throw failure("the recorder failed: ", e);
    }
  }

  /**
   * Starts recording the current thread into {@code folder}.
   *
   * @return false when no recorder is loaded or another recording is running
   */
  public boolean start(String name, Path folder) {
    if (!isLoaded()) {
      return false;
    }
    try {
      return (boolean) start.invoke(null, name, folder);
    } catch (Throwable e) {
      throw failure("the recorder could not start: ", e);
    }
  }

  /**
   * Stops the running recording.
   *
   * @param keep finish the folder (true) or delete what was written (false)
   * @return the finished folder, when kept
   */
  public Optional<Path> stop(boolean keep) {
    if (!isLoaded()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable((Path) stop.invoke(null, keep));
    } catch (Throwable e) {
      throw failure("the recorder could not finish the recording: ", e);
    }
  }

  /**
   * Runs codetracer's own work (publishing a recording) so that the classes it loads on this
   * thread get no probes: the JSON library that reads and writes the metadata, say, which the
   * tests themselves may never use, costs the test JVM more instrumented than the work itself.
   */
  public void withoutInstrumenting(Runnable work) {
    if (withoutInstrumenting == null) {
      work.run();
      return;
    }
    try {
      withoutInstrumenting.invoke(null, work);
    } catch (InvocationTargetException e) {
      // the work's own failure, as if it had been run here
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      if (e.getCause() instanceof Error thrown) {
        throw thrown;
      }
      throw failure("", e);
    } catch (IllegalAccessException e) {
      throw failure("the recorder failed: ", e);
    }
  }

  @Override
  public String toString() {
    return isLoaded() ? "codetracer-agent from " + apiLocation : "no recorder loaded";
  }

  /** What the API threw (not reflection's wrapper around it), under {@code what}. */
  private static RecorderException failure(String what, Throwable e) {
    Throwable thrown = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
    return new RecorderException(what + describe(thrown), thrown);
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
