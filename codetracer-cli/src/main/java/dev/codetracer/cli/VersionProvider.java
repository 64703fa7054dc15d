package dev.codetracer.cli;

import dev.codetracer.core.CodeTracerVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: ours, and the Java running us. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "codetracer-java " + CodeTracerVersion.get(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
