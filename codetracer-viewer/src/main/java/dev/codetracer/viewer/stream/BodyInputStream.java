package dev.codetracer.viewer.stream;

import dev.codetracer.core.io.ChunkedInputStream;
import java.io.IOException;

/** The decompressed body of a {@code trace.bin} from an offset on, frame after frame. */
final class BodyInputStream extends ChunkedInputStream {
  private final BinBody body;
  private int frameIndex;

  BodyInputStream(BinBody body, long offset) throws IOException {
    this.body = body;
    this.frameIndex = body.frameOf(offset);
    if (frameIndex < body.frames()) {
      byte[] frame = body.frame(frameIndex);
      startChunk(frame, frame.length, (int) (offset - body.bodyStart(frameIndex)));
    }
  }

  /** How far into the body the stream has come. */
  long offset() {
    return frameIndex < body.frames() ? body.bodyStart(frameIndex) + positionInChunk() : body.size();
  }

  @Override
  protected boolean nextChunk() throws IOException {
    if (frameIndex + 1 >= body.frames()) {
      frameIndex = body.frames();
      startChunk(new byte[0], 0, 0);
      return false;
    }
    frameIndex++;
    byte[] frame = body.frame(frameIndex);
    startChunk(frame, frame.length, 0);
    return true;
  }
}
