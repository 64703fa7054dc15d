package dev.codetracer.maven;

import dev.codetracer.core.jvm.AgentJar;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Core's {@code JvmRecorder} finds the agent jar through {@link AgentJar#locate()}, which reads
 * the system property {@value AgentJar#PROPERTY}; the plugin's own agent jar is handed over that
 * way for the length of one recording, unless the user set the property to pick another jar.
 */
final class AgentJarProperty {
  private static final Object LOCK = new Object();

  private AgentJarProperty() {}

  static <T> T with(Path agentJar, Callable<T> action) throws Exception {
    synchronized (LOCK) {
      String previous = System.getProperty(AgentJar.PROPERTY);
      if (previous == null) {
        System.setProperty(AgentJar.PROPERTY, agentJar.toString());
      }
      try {
        return action.call();
      } finally {
        if (previous == null) {
          System.clearProperty(AgentJar.PROPERTY);
        }
      }
    }
  }
}
