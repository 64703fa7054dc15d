package dev.codetracer.core.rr;

import dev.codetracer.core.record.RecorderUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The program a user asked to record, found the way {@code execvp} finds it: a name with a
 * slash is a path (relative to the working directory), a bare name is looked up on the PATH.
 */
final class NativeProgram {
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final Set<String> JVM_LAUNCHER_NAMES = Set.of("java", "javaw", "jshell", "jdb");

  private NativeProgram() {}

  /**
   * The absolute path of the program that would run.
   *
   * @throws RecorderUnavailableException when it cannot start: not found, a directory, not
   *     executable
   */
  static Path resolve(String program, Path workdir, Map<String, String> environment) {
    if (program.isEmpty()) {
      throw new RecorderUnavailableException("cannot record an empty program name");
    }
    if (program.contains("/")) {
      Path path = workdir.resolve(program).toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new RecorderUnavailableException("cannot record `" + program + "`: " + path + " does not exist");
      }
      return checkStartable(program, path);
    }
    Optional<Path> found = onPath(program, workdir, environment);
    if (found.isPresent()) {
      return found.get();
    }
    Optional<Path> notExecutable = onPathIgnoringPermissions(program, workdir, environment);
    if (notExecutable.isPresent()) {
      return checkStartable(program, notExecutable.get());
    }
    throw new RecorderUnavailableException("cannot record `" + program + "`: not found on PATH");
  }

  /** The first executable regular file called {@code name} in the PATH's folders. */
  static Optional<Path> onPath(String name, Path workdir, Map<String, String> environment) {
    for (String folder : pathFolders(environment)) {
      Path candidate = workdir.resolve(folder.isEmpty() ? "." : folder).resolve(name).toAbsolutePath().normalize();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> onPathIgnoringPermissions(String name, Path workdir, Map<String, String> environment) {
    for (String folder : pathFolders(environment)) {
      Path candidate = workdir.resolve(folder.isEmpty() ? "." : folder).resolve(name).toAbsolutePath().normalize();
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String[] pathFolders(Map<String, String> environment) {
    String path = environment.get("PATH");
    if (path == null) {
      path = System.getenv("PATH");
    }
    return path == null ? new String[0] : path.split(":", -1);
  }

  private static Path checkStartable(String program, Path path) {
    if (Files.isDirectory(path)) {
      throw new RecorderUnavailableException("cannot record `" + program + "`: " + path + " is a directory, not a program");
    }
    if (!Files.isRegularFile(path)) {
      throw new RecorderUnavailableException("cannot record `" + program + "`: " + path + " is not a regular file");
    }
    if (!Files.isExecutable(path)) {
      throw new RecorderUnavailableException(
          "cannot record `" + program + "`: " + path + " is not executable (chmod +x it, or check the mount's noexec flag)");
    }
    return path;
  }

  /** True for an ELF file: what rr records natively (as opposed to a script or a jar). */
  static boolean isElf(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ELF_MAGIC.length);
      return java.util.Arrays.equals(head, ELF_MAGIC);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * True for {@code java} and the other launchers of a JDK: ELF files too, but the JVM recorder
   * records what they run at source level.
   */
  static boolean isJvmLauncher(Path file) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      real = file;
    }
    if (JVM_LAUNCHER_NAMES.contains(real.getFileName().toString())) {
      return true;
    }
    Path bin = real.getParent();
    if (bin == null || !bin.getFileName().toString().equals("bin") || bin.getParent() == null) {
      return false;
    }
    Path home = bin.getParent();
    // every launcher of a JDK (javac, jar, jshell, ...) sits next to the launcher library
    return Files.exists(home.resolve("lib/libjli.so")) || Files.exists(home.resolve("lib/server/libjvm.so"));
  }
}
