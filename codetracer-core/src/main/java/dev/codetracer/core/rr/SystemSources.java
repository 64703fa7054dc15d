package dev.codetracer.core.rr;

import java.util.List;

/**
 * Source files that belong to the system rather than the program: C library and compiler
 * headers, left out with {@code --no-system-sources}.
 */
final class SystemSources {
  private static final List<String> ROOTS =
      List.of("/usr/include/", "/usr/local/include/", "/usr/lib/gcc/", "/usr/lib/gcc-cross/", "/usr/lib64/gcc/",
          "/usr/lib/llvm", "/usr/lib/clang/", "/usr/src/", "/build/glibc");

  private SystemSources() {}

  static boolean isSystem(String path) {
    return ROOTS.stream().anyMatch(path::startsWith);
  }
}
