package dev.codetracer.core.index;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Does the SQLite driver's one-time set-up on a daemon thread, so that a short command (such as
 * {@code codetracer list}) overlaps it with its own work instead of waiting for it, as Spring
 * Boot's background pre-initializer does for its libraries. The set-up is about a fifth of such a
 * command's time: every connection's configuration builds date formats from the locale data the
 * first time, and the native library has to be loaded.
 *
 * <p>The thread runs the first steps {@link TraceIndex#open} runs, in the same order, so a thread
 * that opens the index meanwhile waits for a class being set up rather than setting it up in
 * another order. Anything that fails here fails again, and is reported, where the index is opened.
 */
public final class IndexDriverPreloader {
  private IndexDriverPreloader() {}

  public static void startInBackground() {
    Thread thread = new Thread(IndexDriverPreloader::preload, "codetracer-index-preload");
    thread.setDaemon(true);
    thread.start();
  }

  private static void preload() {
    try {
      new SQLiteConfig();
      SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // reported by TraceIndex.open, which meets the same failure
    }
  }
}
