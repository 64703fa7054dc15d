package dev.codetracer.core.jvm;

import java.util.List;
import java.util.Map;

/**
 * What an expansion produced.
 *
 * @param steps the stream's steps: the log's, and those added for output ({@code stepsAddedForOutput})
 * @param paths the stream's {@code Path}s, in order (path_id = index)
 * @param methods every method the agent instrumented
 * @param truncationReason why the stream was cut short (a cap), or null
 * @param truncatedAtStep the last step kept when truncated, or null
 * @param uncaughtException the exception that left the outermost recorded call, or null
 * @param logWasCut the change log ended without the agent finishing it (the JVM was killed)
 * @param failure what stopped the expansion early (a defect of the recorder), or null
 * @param outputDropped characters of output left out: the stream has no step to put them at
 * @param outputEndsMidLine the last output recorded, on either stream, did not end with a newline
 * @param stepsAddedForOutput steps the log does not have: a method's line again, for output it wrote
 *     after a call it made returned
 * @param facts the agent's facts for the metadata
 */
public record ExpansionResult(
    long steps,
    long events,
    List<String> paths,
    List<RawDefinition.Method> methods,
    String truncationReason,
    Long truncatedAtStep,
    String uncaughtException,
    boolean logWasCut,
    String failure,
    long outputDropped,
    boolean outputEndsMidLine,
    long stepsAddedForOutput,
    Map<String, Object> facts) {

  public boolean truncated() {
    return truncationReason != null;
  }
}
