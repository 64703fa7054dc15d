package dev.codetracer.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Makes the handler that records a method's exit by exception rethrow the method's own exception,
 * whatever its probe calls throw: deep in a recursion that overflowed the stack, calling a probe
 * overflows it again, and the program must get its own StackOverflowError, not one raised in the
 * handler. The handler keeps the exception in a local of its own, and a second handler around its
 * probe calls drops what they threw and rethrows the kept one. Added last, when the handler has
 * all its probes (a counted loop logs its count there), so that neither the runs of lines nor the
 * counted loops see the second handler.
 */
final class ExitHandlerGuard {
  private static final String THROWABLE = "java/lang/Throwable";

  private ExitHandlerGuard() {}

  /**
   * @param handler the label of the exit handler ({@code Probes.thrown}, then {@code athrow})
   * @param beforeObject the handler of a constructor's code before {@code super(...)}, whose frames
   *     name {@code this} as not yet an object
   */
  static void guard(MethodNode method, LabelNode handler, boolean frames, boolean beforeObject) {
    int slot = CountedLoops.firstFreeSlot(method);
    AbstractInsnNode code = handler;
    while (code.getNext().getOpcode() < 0) {
      code = code.getNext();
    }
    AbstractInsnNode rethrow = code;
    while (rethrow.getOpcode() != Opcodes.ATHROW) {
      rethrow = rethrow.getNext();
    }
    LabelNode probesStart = new LabelNode();
    LabelNode probesEnd = new LabelNode();
    InsnList keep = new InsnList();
    keep.add(new VarInsnNode(Opcodes.ASTORE, slot));
    keep.add(probesStart);
    keep.add(new VarInsnNode(Opcodes.ALOAD, slot));
    method.instructions.insert(code, keep);
    method.instructions.insertBefore(rethrow, probesEnd);

    LabelNode probeFailed = new LabelNode();
    method.instructions.add(probeFailed);
    if (frames) {
      List<Object> locals = new ArrayList<>();
      for (int i = 0; i < slot; i++) {
        locals.add(i == 0 && beforeObject ? Opcodes.UNINITIALIZED_THIS : Opcodes.TOP);
      }
      locals.add(THROWABLE);
      method.instructions.add(new FrameNode(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {THROWABLE}));
    }
    method.instructions.add(new InsnNode(Opcodes.POP));
    method.instructions.add(new VarInsnNode(Opcodes.ALOAD, slot));
    method.instructions.add(new InsnNode(Opcodes.ATHROW));
    method.tryCatchBlocks.add(new TryCatchBlockNode(probesStart, probesEnd, probeFailed, null));
  }
}
