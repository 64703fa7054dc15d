package dev.codetracer.core.rr;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.FunctionIndexEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code function_index.json} for a native binary, from its symbol table: {@code nm -C
 * --defined-only -l} prints {@code address type name<TAB>file:line} (the location where the
 * debug info has one).
 */
final class SymbolIndex {
  private static final Pattern SYMBOL = Pattern.compile("^\\s*[0-9a-fA-F]*\\s+([A-Za-z])\\s+(.+)$");
  private static final Pattern LOCATION = Pattern.compile("^(.*):(\\d+)(?:\\s+\\(discriminator \\d+\\))?$");

  private SymbolIndex() {}

  static List<String> command(Path binary) {
    return List.of("nm", "-C", "--defined-only", "-l", binary.toString());
  }

  /** The functions defined in {@code binary}, not yet marked {@code inSourcemap}. */
  static List<FunctionIndexEntry> of(Path binary) throws IOException, InterruptedException {
    ToolRun.Result result = ToolRun.run(command(binary), null, null, null);
    if (!result.succeeded()) {
      throw new CodeTracerException("`nm` failed on " + binary + ": " + result.complaint());
    }
    return parse(result.stdout());
  }

  static List<FunctionIndexEntry> parse(String nmOutput) {
    Set<FunctionIndexEntry> entries = new LinkedHashSet<>();
    for (String line : nmOutput.split("\\R")) {
      Matcher symbol = SYMBOL.matcher(line);
      if (!symbol.matches()) {
        continue;
      }
      char type = symbol.group(1).charAt(0);
      String rest = symbol.group(2);
      int tab = rest.lastIndexOf('\t');
      String signature = (tab < 0 ? rest : rest.substring(0, tab)).strip();
      String path = "";
      long lineNumber = 0;
      if (tab >= 0) {
        Matcher location = LOCATION.matcher(rest.substring(tab + 1).strip());
        if (location.matches() && !location.group(1).equals("??")) {
          path = location.group(1);
          lineNumber = Long.parseLong(location.group(2));
        }
      }
      if (!isFunction(type, path)) {
        continue;
      }
      // constructors and destructors come twice (complete and base object): one entry is enough
      entries.add(new FunctionIndexEntry(DemangledNames.nameOf(signature), signature, path, lineNumber, false));
    }
    return new ArrayList<>(entries);
  }

  /** The entries with {@code inSourcemap} set for those whose file was copied into the recording. */
  static List<FunctionIndexEntry> markCopied(List<FunctionIndexEntry> entries, Set<String> copiedSources) {
    List<FunctionIndexEntry> marked = new ArrayList<>(entries.size());
    for (FunctionIndexEntry e : entries) {
      marked.add(new FunctionIndexEntry(e.name(), e.signature(), e.path(), e.line(), copiedSources.contains(e.path())));
    }
    return marked;
  }

  /**
   * T/t are code. W/w are weak symbols, which are weak functions (C++ inline functions and
   * template instances) but also untyped weak data such as {@code data_start}; nm cannot tell
   * them apart, so a weak symbol counts only when the debug info places it in a source file.
   */
  private static boolean isFunction(char type, String path) {
    return type == 'T' || type == 't' || ((type == 'W' || type == 'w') && !path.isEmpty());
  }
}
