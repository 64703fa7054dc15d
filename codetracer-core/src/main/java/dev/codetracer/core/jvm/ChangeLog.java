package dev.codetracer.core.jvm;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A recording folder's change log ({@link RawLog}), held to be finished. The agent locks the log
 * while it writes it ({@link RawLogWriter}), and a finisher locks it while it expands and removes
 * it: a log that is locked belongs to a JVM that is still recording (or to another codetracer
 * finishing it), and is left alone. The kernel drops a lock when its process ends, however it
 * ends (SIGKILL included), so a lock left by a dead process cannot stand in the way. Where the
 * file system has no locks (some network file systems) there is nothing to tell, and the log is
 * finished.
 *
 * <p>The log is read through the locked channel and no other: closing any other descriptor of the
 * file would drop this process's lock with it (POSIX record locks).
 */
public final class ChangeLog implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private boolean readerOpened;

  private ChangeLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** The change log is still being written by a live JVM, or finished by another codetracer. */
  public static final class InUseException extends IOException {
    private static final long serialVersionUID = 1L;

    InUseException(String message) {
      super(message);
    }
  }

  /**
   * Opens the change log of {@code folder} and locks it.
   *
   * @throws InUseException when another process (the recorded JVM, or another finisher) holds it
   * @throws java.nio.file.NoSuchFileException when the folder has no change log
   */
  public static ChangeLog open(Path folder) throws IOException {
    Path file = folder.resolve(RawLog.FILE_NAME);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    boolean locked;
    try {
      locked = channel.tryLock() != null;
    } catch (OverlappingFileLockException e) {
      locked = false; // this JVM holds it
    } catch (IOException | UnsupportedOperationException e) {
      locked = true; // no locks on this file system: nothing tells a live writer apart
    }
    if (!locked) {
      channel.close();
      throw new InUseException(file + " is locked: the JVM recording it is still running, or another codetracer is finishing it");
    }
    return new ChangeLog(file, channel);
  }

  /** The agent's side: the log it has just created is locked until the JVM closes it or ends. */
  static void lockWhileWriting(FileChannel channel) {
    try {
      FileLock ignored = channel.tryLock();
    } catch (IOException | UnsupportedOperationException | OverlappingFileLockException e) {
      // no locks here: the log is written all the same
    }
  }

  public Path file() {
    return file;
  }

  /** A reader of the log from its start; once only. */
  public RawLogReader reader() throws IOException {
    if (readerOpened) {
      throw new IllegalStateException("the change log is read once");
    }
    readerOpened = true;
    channel.position(0);
    // closing the reader must not close the channel, which holds the lock
    return new RawLogReader(file, new FilterInputStream(Channels.newInputStream(channel)) {
      @Override
      public void close() {}
    });
  }

  /** Removes the log (still locked until {@link #close}). */
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
