package dev.codetracer.viewer.stream;

import java.io.IOException;
import java.io.InputStream;

/** The decompressed body of a {@code trace.bin} from an offset on, frame after frame. */
final class BodyInputStream extends InputStream {
  private final BinBody body;
  private int frameIndex;
  private byte[] frame;
  private int position;

  BodyInputStream(BinBody body, long offset) throws IOException {
    this.body = body;
    this.frameIndex = body.frameOf(offset);
    if (frameIndex < body.frames()) {
      this.frame = body.frame(frameIndex);
      this.position = (int) (offset - body.bodyStart(frameIndex));
    } else {
      this.frame = new byte[0];
    }
  }

  /** How far into the body the stream has come. */
  long offset() {
    return frameIndex < body.frames() ? body.bodyStart(frameIndex) + position : body.size();
  }

  @Override
  public int read() throws IOException {
    return ensureData() ? frame[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensureData()) {
      return -1;
    }
    int n = Math.min(len, frame.length - position);
    System.arraycopy(frame, position, b, off, n);
    position += n;
    return n;
  }

  private boolean ensureData() throws IOException {
    while (position == frame.length) {
      if (frameIndex + 1 >= body.frames()) {
        frameIndex = body.frames();
        frame = new byte[0];
        position = 0;
        return false;
      }
      frameIndex++;
      frame = body.frame(frameIndex);
      position = 0;
    }
    return true;
  }
}
