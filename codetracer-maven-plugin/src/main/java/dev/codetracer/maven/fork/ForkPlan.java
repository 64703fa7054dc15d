package dev.codetracer.maven.fork;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the forked test JVM is asked to do, passed as a properties file (the command line stays
 * short however many classes are selected). Written by the build, read by {@link
 * TestRecordingLauncher}; JDK types only, since both sides use it.
 */
public final class ForkPlan {
  /** Which recordings the fork keeps. */
  public enum Keep {
    /** Record every test, keep the recordings of failed ones. */
    FAILED,
    /** Record and keep every test. */
    ALL,
    /** Record nothing (a run that only finds the outcomes, e.g. before rr re-runs). */
    NONE
  }

  private static final String CLASSES = "classes";
  private static final String UNIQUE_IDS = "uniqueIds";
  private static final String FILTER = "filter";
  private static final String GROUPS = "groups";
  private static final String EXCLUDED_GROUPS = "excludedGroups";
  private static final String OUTPUT = "output";
  private static final String KEEP = "keep";
  private static final String RESULTS = "results";
  private static final String PARAMETER_PREFIX = "parameter.";

  private final List<String> classes;
  private final List<String> uniqueIds;
  private final String filter;
  private final String groups;
  private final String excludedGroups;
  private final Path output;
  private final Keep keep;
  private final Path results;
  private final Map<String, String> configurationParameters;

  public ForkPlan(
      List<String> classes,
      List<String> uniqueIds,
      String filter,
      String groups,
      String excludedGroups,
      Path output,
      Keep keep,
      Path results,
      Map<String, String> configurationParameters) {
    this.classes = List.copyOf(classes);
    this.uniqueIds = List.copyOf(uniqueIds);
    this.filter = filter == null ? "" : filter;
    this.groups = groups == null ? "" : groups;
    this.excludedGroups = excludedGroups == null ? "" : excludedGroups;
    this.output = output;
    this.keep = keep;
    this.results = results;
    this.configurationParameters = Map.copyOf(configurationParameters);
  }

  /** The same run, keeping these recordings. */
  public ForkPlan withKeep(Keep newKeep) {
    return new ForkPlan(classes, uniqueIds, filter, groups, excludedGroups, output, newKeep, results, configurationParameters);
  }

  /** The same run, narrowed to single tests by unique id, reporting into another file. */
  public ForkPlan withTests(List<String> testUniqueIds, Path resultsFile) {
    return new ForkPlan(classes, testUniqueIds, filter, groups, excludedGroups, output, keep, resultsFile, configurationParameters);
  }

  public void write(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(CLASSES, String.join(",", classes));
    properties.setProperty(UNIQUE_IDS, String.join("\n", uniqueIds));
    properties.setProperty(FILTER, filter);
    properties.setProperty(GROUPS, groups);
    properties.setProperty(EXCLUDED_GROUPS, excludedGroups);
    properties.setProperty(OUTPUT, output.toString());
    properties.setProperty(KEEP, keep.name());
    properties.setProperty(RESULTS, results.toString());
    configurationParameters.forEach((key, value) -> properties.setProperty(PARAMETER_PREFIX + key, value));
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "codetracer-maven-plugin: the forked test run");
    }
  }

  public static ForkPlan read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(PARAMETER_PREFIX)) {
        parameters.put(key.substring(PARAMETER_PREFIX.length()), properties.getProperty(key));
      }
    }
    return new ForkPlan(
        split(properties.getProperty(CLASSES, ""), ","),
        split(properties.getProperty(UNIQUE_IDS, ""), "\n"),
        properties.getProperty(FILTER, ""),
        properties.getProperty(GROUPS, ""),
        properties.getProperty(EXCLUDED_GROUPS, ""),
        Path.of(properties.getProperty(OUTPUT)),
        Keep.valueOf(properties.getProperty(KEEP, Keep.FAILED.name())),
        Path.of(properties.getProperty(RESULTS)),
        parameters);
  }

  private static List<String> split(String text, String separator) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split(separator)) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return parts;
  }

  public List<String> classes() {
    return classes;
  }

  /** JUnit unique ids to run instead of classes (an exact re-run of single tests). */
  public List<String> uniqueIds() {
    return uniqueIds;
  }

  /** The {@code -Dtest} style filter the fork applies to methods, empty for none. */
  public String filter() {
    return filter;
  }

  /** A JUnit 5 tag expression (Surefire's {@code groups}), empty for none. */
  public String groups() {
    return groups;
  }

  public String excludedGroups() {
    return excludedGroups;
  }

  /** The folder the recordings go into. */
  public Path output() {
    return output;
  }

  public Keep keep() {
    return keep;
  }

  /** The JSON file the fork writes the outcomes to. */
  public Path results() {
    return results;
  }

  public Map<String, String> configurationParameters() {
    return configurationParameters;
  }
}
