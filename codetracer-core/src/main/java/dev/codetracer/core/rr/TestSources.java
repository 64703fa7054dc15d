package dev.codetracer.core.rr;

import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.SourceCopier;
import dev.codetracer.core.recording.TestFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an rr recording of a test JVM can tell about the test itself. rr sees the JVM's machine
 * code, whose debug information names no Java file, so the test class's source file is copied
 * into {@code source/} here, and the test method gets an entry in {@code function_index.json}
 * (beside the native functions the rr backend listed), with the line that declares it.
 */
final class TestSources {
  private static final Pattern NOT_A_DECLARATION = Pattern.compile("^\\s*(return|new|throw|else|case)\\b.*");

  private TestSources() {}

  /**
   * Copies the test class's source into the recording and adds the test method to its function
   * index; does nothing when the source is not on the roots.
   *
   * @return the source file copied, if any
   */
  static Optional<Path> addTo(Path folder, TestFacts.Test test, List<Path> sourceRoots, Path workdir) {
    if (test.className() == null) {
      return Optional.empty();
    }
    Optional<Path> source = find(test.className(), sourceRoots);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String path = source.get().toString();
    if (SourceCopier.copy(List.of(path), workdir, folder).copied().isEmpty()) {
      return Optional.empty();
    }
    if (test.methodName() != null) {
      List<FunctionIndexEntry> entries = new ArrayList<>(FunctionIndexFile.read(folder));
      entries.add(
          new FunctionIndexEntry(
              test.className().replace('$', '.') + "." + test.methodName(),
              test.methodName() + parameterTypes(test.uniqueId()),
              path,
              declarationLine(source.get(), test.methodName()),
              true));
      FunctionIndexFile.write(folder, entries);
    }
    return source;
  }

  /** {@code com/acme/CartTest.java} on the first root that has it; a nested class is in its outer class's file. */
  static Optional<Path> find(String className, List<Path> sourceRoots) {
    int nested = className.indexOf('$');
    String topLevel = nested < 0 ? className : className.substring(0, nested);
    String relative = topLevel.replace('.', '/') + ".java";
    for (Path root : sourceRoots) {
      Path candidate = root.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** {@code (int, int, int)} from {@code .../[test-template:totals(int, int, int)]/...}, else {@code ()}. */
  static String parameterTypes(String uniqueId) {
    for (String segment : uniqueId == null ? new String[0] : uniqueId.split("/")) {
      int colon = segment.indexOf(':');
      int open = segment.indexOf('(');
      boolean method = segment.startsWith("[method:") || segment.startsWith("[test-template:") || segment.startsWith("[test-factory:");
      if (method && open > colon && segment.endsWith(")]")) {
        return segment.substring(open, segment.length() - 1);
      }
    }
    return "()";
  }

  /** The first line (1-based) that declares {@code method}, or 0 when none does recognisably. */
  static long declarationLine(Path source, String method) {
    Pattern declaration =
        Pattern.compile("^\\s*(?:@\\S+\\s+)*[\\w.$<>\\[\\],?@ ]*[\\w>\\]]\\s+" + Pattern.quote(method) + "\\s*\\(.*");
    List<String> lines;
    try {
      lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (declaration.matcher(line).matches() && !NOT_A_DECLARATION.matcher(line).matches()) {
        return i + 1;
      }
    }
    return 0;
  }
}
