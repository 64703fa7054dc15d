package dev.codetracer.core.recording;

/** One entry of {@code function_index.json}, in the shape CodeTracer's GUI loads. */
public record FunctionIndexEntry(String name, String signature, String path, long line, boolean inSourcemap) {}
