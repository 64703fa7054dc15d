package dev.codetracer.agent.instrument;

import dev.codetracer.agent.runtime.Definitions;
import dev.codetracer.core.jvm.RawDefinition;
import dev.codetracer.core.recording.TraceMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Instruments one class: every method with code and line numbers gets its probes ({@link
 * MethodInstrumenter}); the definitions are published only when the class was written
 * successfully. Never loads a class: the frames added need no type hierarchy.
 *
 * <p>A class compiled without line numbers ({@code javac -g:none}) still has its calls,
 * arguments and returns recorded; without its source file's name, it is looked for by the name
 * its top-level class gives, and left alone when not found there (classes generated at run time
 * have neither).
 */
public final class ClassInstrumenter {
  private final SourceResolver sources;
  private final boolean values;
  private final Pattern redact;
  private final boolean runs;
  private final boolean countLoops;

  public ClassInstrumenter(SourceResolver sources, boolean values, Pattern redact) {
    this(sources, values, redact, true, true);
  }

  /**
   * @param runs group lines into runs that share a probe ({@link LineRuns}); false: a probe per line
   * @param countLoops without values, count the steps of loops that run no code of the program ({@link CountedLoops})
   */
  public ClassInstrumenter(SourceResolver sources, boolean values, Pattern redact, boolean runs, boolean countLoops) {
    this.sources = sources;
    this.values = values;
    this.redact = redact;
    this.runs = runs;
    this.countLoops = countLoops && !values;
  }

  /**
   * The instrumented class, or null to leave it as it is. A method too large for the class file
   * format once it has its probes is left as it is, and the class's other methods recorded.
   */
  public byte[] instrument(byte[] original) {
    Set<String> tooLarge = new HashSet<>();
    while (true) {
      try {
        return instrument(original, tooLarge);
      } catch (MethodTooLargeException e) {
        if (!tooLarge.add(e.getMethodName() + e.getDescriptor())) {
          return null;
        }
        Definitions.get().fact("methods_not_instrumented[]",
            MethodNames.readableClass(e.getClassName()) + "." + e.getMethodName() + parameters(e.getDescriptor()) + TraceMetadata.TOO_LARGE);
      } catch (ClassTooLargeException e) {
        Definitions.get().fact("classes_not_instrumented[]", MethodNames.readableClass(e.getClassName()) + TraceMetadata.TOO_LARGE);
        return null;
      }
    }
  }

  /** As {@link #instrument(byte[])}, leaving the methods {@code skipped} (name and descriptor) as they are. */
  private byte[] instrument(byte[] original, Set<String> skipped) {
    ClassReader reader = new ClassReader(original);
    ClassNode node = new ClassNode();
    reader.accept(node, ClassReader.EXPAND_FRAMES);
    if ((node.access & Opcodes.ACC_MODULE) != 0 || node.name.endsWith("module-info")) {
      return null;
    }
    SourceResolver.Resolved source = sources.resolve(node.name, node.sourceFile != null ? node.sourceFile : guessedSourceFile(node.name));
    if (node.sourceFile == null && !source.found()) {
      return null;
    }
    boolean callsOnly = !hasLineNumbers(node);
    List<RawDefinition> definitions = new ArrayList<>();
    boolean lackedNames = false;
    boolean anyMethod = false;
    for (MethodNode method : node.methods) {
      if (!MethodInstrumenter.isInstrumentable(method) || skipped.contains(method.name + method.desc)) {
        continue;
      }
      MethodInstrumenter.Result result =
          new MethodInstrumenter(node.name, "java/lang/Record".equals(node.superName), method, source.path(), source.found(), values, redact,
                  node.version, runs, countLoops, callsOnly)
              .instrument();
      if (result != null) {
        definitions.addAll(result.definitions());
        lackedNames |= result.lackedVariableNames();
        anyMethod = true;
      }
    }
    if (!anyMethod) {
      return null;
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    node.accept(writer);
    byte[] instrumented = writer.toByteArray();
    String className = MethodNames.readableClass(node.name);
    List<RawDefinition.Fact> classFacts = new ArrayList<>(2);
    if (!source.found()) {
      classFacts.add(new RawDefinition.Fact("classes_without_source[]", className));
    }
    if (lackedNames) {
      classFacts.add(new RawDefinition.Fact("classes_without_debug_info[]", className));
    }
    if (callsOnly) {
      classFacts.add(new RawDefinition.Fact("classes_without_line_numbers[]", className));
    }
    Definitions.get().addClass(definitions, classFacts);
    return instrumented;
  }

  /** A method's parameter types as written in Java ({@code (int, String[])}), which tell overloads apart. */
  private static String parameters(String descriptor) {
    StringJoiner types = new StringJoiner(", ", "(", ")");
    for (Type type : Type.getArgumentTypes(descriptor)) {
      String name = type.getClassName();
      types.add(name.substring(name.lastIndexOf('.') + 1));
    }
    return types.toString();
  }

  /** javac's name for the source file of a class: its top-level class's, with {@code .java}. */
  private static String guessedSourceFile(String internalName) {
    String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
    int nested = simple.indexOf('$');
    return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
  }

  private static boolean hasLineNumbers(ClassNode node) {
    for (MethodNode method : node.methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof LineNumberNode) {
          return true;
        }
      }
    }
    return false;
  }
}
