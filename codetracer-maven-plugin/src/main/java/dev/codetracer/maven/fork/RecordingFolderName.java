package dev.codetracer.maven.fork;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder name of a test's recording, so that a person finds it: the class's simple name, the
 * method, the invocation number of a parameterized or repeated test, and a short random suffix
 * that keeps re-runs apart ({@code CalculatorTest.divides[2]-3f2a91c0}).
 */
final class RecordingFolderName {
  private static final Pattern INVOCATION = Pattern.compile("#(\\d+)\\]$");

  private RecordingFolderName() {}

  static String of(String className, String methodName, String uniqueId) {
    String simpleClass = className == null ? "test" : className.substring(className.lastIndexOf('.') + 1);
    StringBuilder name = new StringBuilder(simpleClass);
    if (methodName != null) {
      name.append('.').append(methodName);
    }
    Matcher invocation = INVOCATION.matcher(uniqueId == null ? "" : uniqueId);
    if (invocation.find()) {
      name.append('[').append(invocation.group(1)).append(']');
    }
    String safe = name.toString().replaceAll("[^A-Za-z0-9._\\[\\]$-]", "_");
    if (safe.length() > 120) {
      safe = safe.substring(0, 120);
    }
    return safe + "-" + String.format("%08x", ThreadLocalRandom.current().nextInt());
  }
}
