package dev.codetracer.core.archive;

import dev.codetracer.core.index.IndexedRecording;

/**
 * The outcome of an import: the recording now in the index, and whether this import added it or
 * found it already there (in which case nothing was written).
 */
public record ImportResult(IndexedRecording recording, boolean alreadyIndexed) {}
