/**
 * CodeTracer's event stream (recording-format.md, sections 5 and 6).
 *
 * <ul>
 *   <li>the model of one event: {@link dev.codetracer.core.trace.TraceEvent}, {@link
 *       dev.codetracer.core.trace.ValueRecord}, {@link dev.codetracer.core.trace.TypeSpecificInfo},
 *       {@link dev.codetracer.core.trace.TypeKind}, {@link dev.codetracer.core.trace.EventLogKind};
 *   <li>writing: {@link dev.codetracer.core.trace.JsonTraceWriter} ({@code trace.json}), {@link
 *       dev.codetracer.core.trace.BinTraceWriter} ({@code trace.bin}), both through {@link
 *       dev.codetracer.core.trace.TraceEventSerializer};
 *   <li>reading any CodeTracer stream in constant memory: {@link dev.codetracer.core.trace.TraceReader};
 *   <li>the rules between events: {@link dev.codetracer.core.trace.TraceValidator};
 *   <li>questions about a run (steps, call tree, values at a step, output, the final error):
 *       {@link dev.codetracer.core.trace.TraceModel};
 *   <li>{@link dev.codetracer.core.trace.TraceConverter} (json and bin both ways) and {@link
 *       dev.codetracer.core.trace.TraceRepair} (a stream cut short by a killed recorder).
 * </ul>
 *
 * <pre>{@code
 * Path stream = folder.resolve("trace.json");            // or trace.bin
 * TraceSummary summary = TraceValidator.validate(stream); // throws InvalidTraceException, one line
 * TraceModel model = TraceModel.load(stream);             // reads, validates and models in one pass
 * TraceModel.Call sum = model.callsOf("Main.sum").get(0);
 * ValueRecord total = model.valueAt(sum.lastStep(), "total").orElseThrow();
 * }</pre>
 */
package dev.codetracer.core.trace;
