package dev.codetracer.junit.config;

/**
 * The {@code codetracer.*} configuration parameters. Each is read, in JUnit's order, from the
 * launcher request, then the JVM's system properties, then {@code junit-platform.properties}; the
 * README lists them with their defaults.
 */
public final class ConfigurationKeys {
  public static final String ENABLED = "codetracer.enabled";
  /** The Maven plugin's switch ({@code -Dcodetracer.skip=true}), honoured here as {@code enabled=false}. */
  public static final String SKIP = "codetracer.skip";
  public static final String ALL = "codetracer.all";
  public static final String MODE = "codetracer.mode";
  public static final String BACKEND = "codetracer.backend";
  public static final String RR = "codetracer.rr";
  public static final String OUTPUT = "codetracer.output";
  public static final String KEEP = "codetracer.keep";
  public static final String INDEX = "codetracer.index";
  public static final String EXPORT = "codetracer.export";
  public static final String MAX_RECORDINGS = "codetracer.maxRecordings";
  public static final String MAX_SIZE = "codetracer.maxSize";
  public static final String RERUN_TIMEOUT = "codetracer.rerun.timeout";
  public static final String RERUN_JVM_ARGS = "codetracer.rerun.jvmArgs";
  public static final String RERUN_JAVA = "codetracer.rerun.java";
  public static final String AGENT_JAR = "codetracer.agent.jar";
  public static final String AGENT_OPTIONS = "codetracer.agent.options";

  private ConfigurationKeys() {}
}
