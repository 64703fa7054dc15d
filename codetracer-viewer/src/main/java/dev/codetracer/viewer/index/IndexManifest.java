package dev.codetracer.viewer.index;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code index.json}: which stream the index was built from (to notice when it changed), how much
 * it holds, and whether the stream was read to its end or stopped at an invalid event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class IndexManifest {
  @JsonProperty("format_version") public int formatVersion;
  @JsonProperty("stream") public String stream;
  @JsonProperty("fingerprint") public StreamFingerprint fingerprint;
  @JsonProperty("events") public long events;
  @JsonProperty("steps") public int steps;
  @JsonProperty("calls") public int calls;
  @JsonProperty("outputs") public int outputs;
  @JsonProperty("build_millis") public long buildMillis;
  /** The one-line reason the stream could not be read to its end; null when it was. */
  @JsonProperty("stream_error") public String streamError;
}
