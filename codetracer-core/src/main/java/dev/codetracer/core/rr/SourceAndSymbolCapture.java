package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.SourceCopier;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an rr recording holds besides the trace: copies of the program's sources under {@code
 * source/}, {@code function_index.json} from its symbols, and the facts they tell (language,
 * compiler, files that could not be copied). Nothing here needs a recording, so it works the
 * same on a finished trace's source list and on {@code rr explicit-sources} of a binary.
 */
final class SourceAndSymbolCapture {
  static final String SOURCES_MISSING = "sources_missing";
  static final String SYSTEM_SOURCES_LEFT_OUT = "system_sources_left_out";
  static final String FUNCTION_INDEX_ERROR = "function_index_error";

  private SourceAndSymbolCapture() {}

  /**
   * @param sourcePaths the absolute source paths from rr's debug-info listing
   * @param program the binary whose symbols make the function index
   * @param systemSources false to leave out system headers ({@code --no-system-sources})
   */
  static void capture(
      Path folder, List<String> sourcePaths, Path program, Path workdir, boolean systemSources, TraceMetadata metadata)
      throws InterruptedException {
    List<FunctionIndexEntry> functions = List.of();
    try {
      functions = SymbolIndex.of(program);
    } catch (IOException | CodeTracerException e) {
      metadata.put(
          FUNCTION_INDEX_ERROR,
          "no function index: " + e.getMessage() + (e instanceof IOException ? " (nm comes with binutils)" : ""));
    }

    // rr leaves out files it cannot find; the functions' files are asked for too, so that a
    // source that is gone shows up in sources_missing instead of silently not at all
    Set<String> named = new LinkedHashSet<>(sourcePaths);
    functions.stream().map(FunctionIndexEntry::path).filter(path -> !path.isEmpty()).forEach(named::add);
    List<String> wanted = named.stream().filter(path -> systemSources || !SystemSources.isSystem(path)).toList();

    SourceCopier.Result copied = SourceCopier.copy(wanted, workdir, folder);
    if (!copied.missing().isEmpty()) {
      metadata.put(SOURCES_MISSING, copied.missing());
    }
    if (!systemSources) {
      metadata.put(SYSTEM_SOURCES_LEFT_OUT, named.size() - wanted.size());
    }
    FunctionIndexFile.write(folder, SymbolIndex.markCopied(functions, new HashSet<>(copied.copied())));

    metadata.language = SourceLanguage.of(named);
    metadata.compiler = CompilerIdentity.of(program);
  }
}
