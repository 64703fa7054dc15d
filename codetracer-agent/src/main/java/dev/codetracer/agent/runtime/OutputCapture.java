package dev.codetracer.agent.runtime;

import dev.codetracer.core.jvm.RawEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;

/**
 * Puts a pass-through in front of {@code System.out} and {@code System.err}: every byte goes on to
 * the original stream unchanged, and what the recording thread writes also becomes an output
 * event at the step that wrote it. The events hold the bytes as written, and the recording names
 * each stream's charset: the expander decodes each stream as one text (a character split between
 * two writes is whole in the second), off the program's threads, up to the end of the recording.
 */
public final class OutputCapture {
  private OutputCapture() {}

  /** The charsets standard output and error encode text with: those of their bytes in the output events. */
  public record Charsets(Charset out, Charset err) {}

  /** Installs both; returns their charsets. */
  public static Charsets install() {
    Charsets charsets = new Charsets(charsetOf(System.out), charsetOf(System.err));
    System.setOut(wrap(System.out, RawEvents.STDOUT, charsets.out()));
    System.setErr(wrap(System.err, RawEvents.STDERR, charsets.err()));
    return charsets;
  }

  private static PrintStream wrap(PrintStream original, int stream, Charset charset) {
    return new PrintStream(new Tee(original, stream), false, charset);
  }

  /** {@code PrintStream.charset()} where it exists (Java 18+), else what Java 17 uses. */
  static Charset charsetOf(PrintStream stream) {
    try {
      Method method = PrintStream.class.getMethod("charset");
      return (Charset) method.invoke(stream);
    } catch (ReflectiveOperationException e) {
      String name = System.getProperty(stream == System.err ? "sun.stderr.encoding" : "sun.stdout.encoding");
      if (name != null && Charset.isSupported(name)) {
        return Charset.forName(name);
      }
      return Charset.defaultCharset();
    }
  }

  /**
   * Passes every write on to the original stream. That stream, a PrintStream, keeps a failed write
   * (a closed pipe) to itself; the Tee's flush passes it on as an IOException, so that {@code
   * System.out.checkError()} (which flushes), the way a Java program notices that a reader like
   * {@code head} went away, answers as it would unrecorded.
   */
  private static final class Tee extends OutputStream {
    private final PrintStream original;
    private final int stream;

    Tee(PrintStream original, int stream) {
      this.original = original;
      this.stream = stream;
    }

    @Override
    public void write(int b) {
      original.write(b);
      Probes.output(stream, new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      original.write(b, off, len);
      Probes.output(stream, b, off, len);
    }

    @Override
    public void flush() throws IOException {
      original.flush();
      if (original.checkError()) {
        throw new IOException("the original stream failed");
      }
    }

    @Override
    public void close() {
      original.close();
    }
  }
}
