package dev.codetracer.cli.commands;

import dev.codetracer.cli.RecordingArgument;
import dev.codetracer.cli.console.HumanSizes;
import dev.codetracer.cli.console.TerminalProgress;
import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.archive.ImportResult;
import dev.codetracer.core.archive.ProgressListener;
import dev.codetracer.core.index.IndexedRecording;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.index.IndexManifest;
import dev.codetracer.viewer.launch.BrowserOpener;
import dev.codetracer.viewer.server.AccessTokens;
import dev.codetracer.viewer.server.ServerOptions;
import dev.codetracer.viewer.server.ViewerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code codetracer host [ID|FOLDER|ZIP]}: serves a recording to the browser until Ctrl-C. Binds
 * to the loopback address unless {@code --bind} names another.
 */
@Command(
    name = "host",
    mixinStandardHelpOptions = true,
    description = {
      "View a recording in the browser: serves a local web viewer until Ctrl-C.",
      "Without a recording: the newest one in the index. A zip is imported first, as `run` does."
    })
public final class HostCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID|FOLDER|ZIP",
      description = "The recording: an id (prefix), its folder, or a zip (default: the newest recording).")
  String recording;

  @Option(names = "--port", paramLabel = "N", defaultValue = "0",
      description = "Port to listen on; 0 (the default) picks a free one.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
      description = "Address to listen on (default ${DEFAULT-VALUE}); anything else exposes the recording to the network.")
  String bind;

  @Option(names = "--token", paramLabel = "TOKEN|auto",
      description = "Require this access token in every request (`auto` generates one); it is part of the printed URL.")
  String token;

  @Option(names = "--open", description = "Open the viewer in the browser ($BROWSER or xdg-open) when there is one.")
  boolean open;

  @Override
  public Integer call() throws InterruptedException {
    LocalRecordings recordings = LocalRecordings.fromEnvironment();
    RecordingFolder folder = recording == null ? newest(recordings) : resolve(recording, recordings);
    serveUntilStopped(folder, options(), open);
    return 0;
  }

  private ServerOptions options() {
    String chosenToken = "auto".equals(token) ? AccessTokens.generate() : token;
    try {
      return new ServerOptions(bind, port, chosenToken);
    } catch (IllegalArgumentException e) {
      throw new CodeTracerException(e.getMessage());
    }
  }

  /** Serves a recording until the JVM is asked to stop (Ctrl-C), then stops the server cleanly. */
  static void serveUntilStopped(RecordingFolder folder, ServerOptions options, boolean openBrowser) throws InterruptedException {
    RecordingViewer viewer = RecordingViewer.open(folder, new TerminalIndexListener());
    ViewerServer server;
    try {
      server = ViewerServer.start(viewer, options, System.err);
    } catch (RuntimeException e) {
      viewer.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> {
      server.close();
      viewer.close();
      System.err.println("codetracer host: stopped");
      stopped.countDown();
    }, "codetracer-host-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    System.out.println("Viewing " + describe(folder) + " at " + server.url());
    viewer.streamError().ifPresent(error -> System.err.println("warning: " + error));
    if (!ServerOptions.LOOPBACK.equals(options.bindAddress()) && !options.bindAddress().startsWith("127.")) {
      System.err.println("warning: listening on " + options.bindAddress() + ": anyone who can reach it can read the recording"
          + (options.token() == null ? " (add --token auto)" : " with the token"));
    }
    if (openBrowser) {
      BrowserOpener.ofThisProcess().open(server.url()).ifPresentOrElse(
          command -> System.err.println("opened the browser with " + command.get(0)),
          () -> System.err.println("no browser to open here ($BROWSER unset, no xdg-open): open the URL above"));
    }
    System.err.println("Press Ctrl-C to stop.");
    stopped.await();
  }

  private static String describe(RecordingFolder folder) {
    var m = folder.metadata();
    String what = m.isTest() ? m.testLabel() : m.program;
    return (what == null ? "" : what + " ") + "(" + folder.path() + ")";
  }

  private static RecordingFolder newest(LocalRecordings recordings) {
    List<IndexedRecording> newest = recordings.newest(1);
    if (newest.isEmpty()) {
      throw new CodeTracerException("no recordings in the index " + recordings.dataDirectory().indexFile()
          + "; name one: codetracer host ID|FOLDER|ZIP");
    }
    Path folder = newest.get(0).folder();
    if (!Files.isDirectory(folder)) {
      throw new CodeTracerException("the newest recording's folder " + folder + " is gone; name another: codetracer host ID|FOLDER|ZIP");
    }
    return RecordingFolder.open(folder);
  }

  private static RecordingFolder resolve(String text, LocalRecordings recordings) {
    RecordingArgument argument = new RecordingArgument(text);
    if (argument.kind() != RecordingArgument.Kind.ARCHIVE) {
      return argument.openFolder(recordings);
    }
    ImportResult result = argument.resolveOrImport(recordings, TerminalProgress.forTerminal("Importing " + text));
    if (!result.alreadyIndexed()) {
      System.err.println("imported recording " + result.recording().recordingId() + " into " + result.recording().folder());
    }
    return RecordingFolder.open(result.recording().folder());
  }

  /** Says on the terminal that a stream is being indexed, with progress when it is a terminal. */
  static final class TerminalIndexListener implements IndexListener {
    private ProgressListener progress = ProgressListener.NONE;
    private long started;

    @Override
    public void started(Path stream, long bytes, Path indexFolder) {
      started = System.nanoTime();
      System.err.println("indexing " + stream.getFileName() + " (" + HumanSizes.format(bytes)
          + ") for the viewer; done once, kept in " + indexFolder);
      progress = TerminalProgress.forTerminal("Indexing " + stream.getFileName());
    }

    @Override
    public ProgressListener progress() {
      return new ProgressListener() {
        @Override
        public void progress(long done, long total) {
          progress.progress(done, total);
        }

        @Override
        public void finished() {
          progress.finished();
        }
      };
    }

    @Override
    public void finished(IndexManifest manifest) {
      System.err.printf("indexed %,d steps and %,d calls in %.1f s%n", manifest.steps, manifest.calls,
          (System.nanoTime() - started) / 1e9);
    }
  }
}
