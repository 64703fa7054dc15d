package dev.codetracer.agent.instrument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Keeps stack map frames valid when a probe goes in front of a {@code NEW}. A frame names an
 * object not yet constructed by the label of its {@code NEW} instruction; when a line starts with
 * {@code new X(...)}, the line's step probe lands between that label and the {@code NEW}, and the
 * verifier rejects the class ("bad offset for Uninitialized"). Jumps must still reach the probe,
 * so the label stays where it is and the frames get a fresh label right before the {@code NEW}.
 */
final class UninitializedTypes {
  private UninitializedTypes() {}

  /** For each {@code NEW}, the labels directly before it (with only labels, lines and frames between). */
  static Map<AbstractInsnNode, List<LabelNode>> labelsOfNews(AbstractInsnNode[] insns) {
    Map<AbstractInsnNode, List<LabelNode>> labels = new IdentityHashMap<>();
    for (int i = 0; i < insns.length; i++) {
      if (insns[i].getOpcode() != Opcodes.NEW) {
        continue;
      }
      List<LabelNode> before = new ArrayList<>();
      for (int j = i - 1; j >= 0 && insns[j].getOpcode() < 0; j--) {
        if (insns[j] instanceof LabelNode label) {
          before.add(label);
        }
      }
      if (!before.isEmpty()) {
        labels.put(insns[i], before);
      }
    }
    return labels;
  }

  /** After probes were inserted, points the frames at a label right before each {@code NEW} that got code in front. */
  static void keepNextToNews(MethodNode method, Map<AbstractInsnNode, List<LabelNode>> labelsOfNews) {
    Map<Object, Object> moved = new IdentityHashMap<>();
    labelsOfNews.forEach(
        (newInsn, labels) -> {
          if (!separatedByCode(newInsn, labels)) {
            return;
          }
          LabelNode fresh = new LabelNode();
          method.instructions.insertBefore(newInsn, fresh);
          labels.forEach(label -> moved.put(label, fresh));
        });
    if (moved.isEmpty()) {
      return;
    }
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof FrameNode frame) {
        replace(frame.local, moved);
        replace(frame.stack, moved);
      }
    }
  }

  private static boolean separatedByCode(AbstractInsnNode newInsn, List<LabelNode> labels) {
    for (AbstractInsnNode insn = newInsn.getPrevious(); insn != null; insn = insn.getPrevious()) {
      if (insn.getOpcode() >= 0) {
        return true;
      }
      if (labels.contains(insn)) {
        return false;
      }
    }
    return true;
  }

  private static void replace(List<Object> types, Map<Object, Object> moved) {
    if (types == null) {
      return;
    }
    types.replaceAll(type -> moved.getOrDefault(type, type));
  }
}
