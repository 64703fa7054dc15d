package dev.codetracer.core.recording;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code function_index.json}, in the shape CodeTracer's GUI loads. */
public record FunctionIndexEntry(
    @JsonProperty("name") String name,
    @JsonProperty("signature") String signature,
    @JsonProperty("path") String path,
    @JsonProperty("line") long line,
    @JsonProperty("inSourcemap") boolean inSourcemap) {}
