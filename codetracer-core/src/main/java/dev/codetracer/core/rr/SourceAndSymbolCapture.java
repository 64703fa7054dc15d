package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.FunctionIndexEntry;
import dev.codetracer.core.recording.FunctionIndexFile;
import dev.codetracer.core.recording.SourceCopier;
import dev.codetracer.core.recording.TraceMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

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
    List<String> wanted = new ArrayList<>();
    int leftOut = 0;
    for (String path : sourcePaths) {
      if (!systemSources && SystemSources.isSystem(path)) {
        leftOut++;
      } else {
        wanted.add(path);
      }
    }
    SourceCopier.Result copied = SourceCopier.copy(wanted, workdir, folder);
    if (!copied.missing().isEmpty()) {
      metadata.put(SOURCES_MISSING, copied.missing());
    }
    if (!systemSources) {
      metadata.put(SYSTEM_SOURCES_LEFT_OUT, leftOut);
    }

    List<FunctionIndexEntry> functions = List.of();
    try {
      functions = SymbolIndex.of(program, new HashSet<>(copied.copied()));
    } catch (IOException | CodeTracerException e) {
      metadata.put(FUNCTION_INDEX_ERROR, "no function index: " + e.getMessage()
          + (e instanceof IOException ? " (nm comes with binutils)" : ""));
    }
    FunctionIndexFile.write(folder, functions);

    metadata.language = SourceLanguage.of(sourcePaths);
    metadata.compiler = CompilerIdentity.of(program);
  }
}
