package dev.codetracer.agent.values;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Sets up the {@link OffsetReader} the value reader reads fields with. The agent's classes share
 * the class path's module with the program's, so whatever java.base exported or opened to the
 * agent's module, the program would see too, and could behave differently recorded (a library
 * that tries {@code setAccessible} on a JDK field and falls back when refused). The reader's one
 * class is therefore defined in a class loader of its own, and java.base exports its internal
 * {@code Unsafe} to that loader's module alone.
 */
public final class OffsetReaders {
  private static final String IMPLEMENTATION = "dev.codetracer.agent.values.internal.InternalUnsafeReader";
  private static volatile OffsetReader installed;

  private OffsetReaders() {}

  /**
   * Defines the reader; {@code exportInternalMisc} exports java.base's {@code jdk.internal.misc}
   * to the module it is given. Without it (or if anything fails) fields are read through
   * reflection, where they are accessible.
   */
  public static void install(Consumer<Module> exportInternalMisc) {
    try {
      ReaderLoader loader = new ReaderLoader(OffsetReaders.class.getClassLoader());
      exportInternalMisc.accept(loader.getUnnamedModule());
      OffsetReader reader = (OffsetReader) loader.define(IMPLEMENTATION).getConstructor().newInstance();
      reader.offset(ReaderLoader.class.getDeclaredField("probe")); // fails here, not at the first value
      installed = reader;
    } catch (Throwable e) {
      installed = null;
    }
  }

  /** The reader, or null: fields are read through reflection. */
  static OffsetReader installed() {
    return installed;
  }

  /** Whether fields are read at their offsets (else through reflection). */
  public static boolean isInstalled() {
    return installed != null;
  }

  private static final class ReaderLoader extends ClassLoader {
    @SuppressWarnings("unused")
    private int probe;

    ReaderLoader(ClassLoader parent) {
      super("codetracer-field-reader", parent);
    }

    Class<?> define(String name) throws IOException {
      String resource = "/" + name.replace('.', '/') + ".class";
      try (InputStream in = OffsetReaders.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException(resource + " is missing from the agent");
        }
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length, OffsetReaders.class.getProtectionDomain());
      }
    }
  }
}
