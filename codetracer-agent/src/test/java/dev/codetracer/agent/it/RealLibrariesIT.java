package dev.codetracer.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.agent.instrument.ClassInstrumenter;
import dev.codetracer.agent.instrument.SourceResolver;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytecode the sample programs do not have: every class of real libraries (javac's output for
 * years of Java, ASM's hand-tuned loops, jar-heavy static initialisers), instrumented with and
 * without values, is accepted by the JVM's verifier and initialises as the original does.
 */
class RealLibrariesIT {
  private static final List<Class<?>> LIBRARIES =
      List.of(
          org.objectweb.asm.ClassReader.class,
          org.apache.commons.compress.archivers.zip.ZipFile.class,
          org.apache.commons.lang3.StringUtils.class,
          com.fasterxml.jackson.core.JsonFactory.class,
          com.fasterxml.jackson.databind.ObjectMapper.class);

  /** The classes of a library: original bytes, and the instrumented ones where instrumented. */
  private record Library(Map<String, byte[]> original, Map<String, byte[]> instrumented, int withCountedLoops) {}

  @ParameterizedTest(name = "values {0}")
  @ValueSource(booleans = {false, true})
  void everyClassOfRealLibrariesVerifiesAndInitialisesInstrumented(boolean values) throws Exception {
    ClassInstrumenter instrumenter = new ClassInstrumenter(new SourceResolver(List.of()), values, null);
    int instrumented = 0;
    int withCountedLoops = 0;
    for (Class<?> anchor : LIBRARIES) {
      Library library = read(jarOf(anchor), instrumenter);
      instrumented += library.instrumented().size();
      withCountedLoops += library.withCountedLoops();

      Map<String, String> originalOutcomes = initialiseAll(library.original(), Map.of());
      Map<String, String> instrumentedOutcomes = initialiseAll(library.original(), library.instrumented());
      Map<String, String> differences = new TreeMap<>();
      originalOutcomes.forEach(
          (name, outcome) -> {
            if (!outcome.equals(instrumentedOutcomes.get(name))) {
              differences.put(name, outcome + " unrecorded, " + instrumentedOutcomes.get(name) + " instrumented");
            }
          });
      assertThat(differences).as(anchor.getPackageName()).isEmpty();
    }
    assertThat(instrumented).isGreaterThan(1_000);
    if (!values) {
      assertThat(withCountedLoops).as("classes with counted loops").isGreaterThan(20);
    }
  }

  private static Path jarOf(Class<?> anchor) throws URISyntaxException {
    return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Library read(Path jarPath, ClassInstrumenter instrumenter) throws IOException {
    Map<String, byte[]> original = new HashMap<>();
    Map<String, byte[]> instrumented = new HashMap<>();
    int withCountedLoops = 0;
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
        String entry = entries.nextElement().getName();
        if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")) {
          continue;
        }
        String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        byte[] bytes = jar.getInputStream(jar.getJarEntry(entry)).readAllBytes();
        original.put(name, bytes);
        byte[] changed = instrumenter.instrument(bytes);
        if (changed != null) {
          instrumented.put(name, changed);
          // the descriptor of Probes.loop(int, long) in the constant pool
          withCountedLoops += new String(changed, StandardCharsets.ISO_8859_1).contains("(IJ)V") ? 1 : 0;
        }
      }
    }
    return new Library(original, instrumented, withCountedLoops);
  }

  /**
   * Defines all of a library's classes (the instrumented ones where given) in a loader of their
   * own and initialises each: what happened to each, by class name ("ok", or the error's class).
   */
  private static Map<String, String> initialiseAll(Map<String, byte[]> original, Map<String, byte[]> replaced) {
    ClassLoader loader =
        new ClassLoader(RealLibrariesIT.class.getClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = replaced.getOrDefault(name, original.get(name));
            if (bytes == null) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> loaded = findLoadedClass(name);
              return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
            }
          }
        };
    Map<String, String> outcomes = new HashMap<>();
    for (String name : new ArrayList<>(original.keySet())) {
      String outcome;
      try {
        Class.forName(name, true, loader);
        outcome = "ok";
      } catch (Throwable failure) {
        outcome = failure.getClass().getName();
      }
      outcomes.put(name, outcome);
    }
    return outcomes;
  }
}
