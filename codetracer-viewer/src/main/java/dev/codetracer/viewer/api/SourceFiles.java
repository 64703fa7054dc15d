package dev.codetracer.viewer.api;

import dev.codetracer.core.recording.SourcePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The copies of the recorded sources, and nothing else of the disk: a path the page asks for is
 * mapped as the recorder mapped it (absolute {@code /a/B.java} to {@code source/a/B.java}, or
 * {@code files/...} for other recorders), and the file must really lie inside the recording
 * folder once symbolic links are followed. Anything else is "not found".
 */
public final class SourceFiles {
  public static final long MAX_SIZE = 16L << 20;
  private static final int MAX_LISTED = 20_000;
  private static final List<String> ROOTS = List.of(SourcePaths.SOURCE_DIR, SourcePaths.FOREIGN_SOURCE_DIR);

  private final Path folder;
  private final Path realFolder;

  public SourceFiles(Path folder) {
    this.folder = folder;
    try {
      this.realFolder = folder.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The copy of a recorded source path, or of a path inside {@code source/} or {@code files/}. */
  public Optional<Path> find(String requested) {
    if (requested == null || requested.isEmpty() || requested.indexOf('\0') >= 0 || requested.length() > 4096) {
      return Optional.empty();
    }
    String copy;
    try {
      copy = SourcePaths.copyPath(requested);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<String> candidates = new ArrayList<>();
    for (String root : ROOTS) {
      if (requested.startsWith(root + "/")) {
        candidates.add(copy.substring(SourcePaths.SOURCE_DIR.length() + 1));
      }
    }
    String underRoot = copy.substring(SourcePaths.SOURCE_DIR.length() + 1);
    for (String root : ROOTS) {
      candidates.add(root + "/" + underRoot);
    }
    for (String candidate : candidates) {
      Optional<Path> file = inside(candidate);
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  /** The text of a file {@link #find} returned; null when it is too large or not text. */
  public String read(Path file) throws IOException {
    if (Files.size(file) > MAX_SIZE) {
      return null;
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** The files under {@code source/} and {@code files/}, as paths relative to the recording folder. */
  public List<String> list() {
    List<String> files = new ArrayList<>();
    for (String root : ROOTS) {
      Path start = folder.resolve(root);
      if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(start, new FileVisitOption[0])) {
        walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            .limit(MAX_LISTED - files.size())
            .forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
      } catch (IOException | UncheckedIOException e) {
        // an unreadable corner of the tree: list what could be read
      }
    }
    files.sort(null);
    return files;
  }

  private Optional<Path> inside(String relative) {
    Path candidate = folder.resolve(relative).normalize();
    if (!candidate.startsWith(folder)) {
      return Optional.empty();
    }
    try {
      Path real = candidate.toRealPath();
      if (!real.startsWith(realFolder) || !Files.isRegularFile(real)) {
        return Optional.empty();
      }
      return Optional.of(real);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
