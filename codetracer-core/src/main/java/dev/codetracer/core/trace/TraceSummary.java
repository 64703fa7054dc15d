package dev.codetracer.core.trace;

/** What {@link TraceValidator} counted in a valid stream. */
public record TraceSummary(
    long events, long steps, long calls, long paths, long functions, long types, long variableNames) {}
