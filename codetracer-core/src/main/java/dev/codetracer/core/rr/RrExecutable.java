package dev.codetracer.core.rr;

import java.nio.file.Path;

/**
 * The rr binary the backend drives.
 *
 * @param path absolute path of the executable
 * @param origin where it came from, for messages: the option that named it ({@code --rr}, {@code
 *     codetracer.rr}...), {@code CODETRACER_RR} or {@code PATH}
 * @param version what {@code rr --version} reports, e.g. {@code 5.6.0}
 */
record RrExecutable(Path path, String origin, String version) {
  static final String FROM_ENVIRONMENT = "CODETRACER_RR";
  static final String FROM_PATH = "PATH";

  /** True when the user chose this rr explicitly (e.g. a build with software counters). */
  boolean explicitlyChosen() {
    return !origin.equals(FROM_PATH);
  }

  String command() {
    return path.toString();
  }
}
