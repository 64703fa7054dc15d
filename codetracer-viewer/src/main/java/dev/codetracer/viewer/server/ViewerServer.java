package dev.codetracer.viewer.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.codetracer.core.CodeTracerException;
import dev.codetracer.viewer.RecordingViewer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The viewer's HTTP server (the JDK's own): the page's static files and the JSON API over one
 * {@link RecordingViewer}. A failing request is answered with its error and never stops the
 * server.
 */
public final class ViewerServer implements AutoCloseable {
  private static final int THREADS = 4;
  private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final String SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  static {
    // The JDK's server writes headers and body in two packets; with Nagle's algorithm on, the
    // client's delayed ACK then holds every answer back by ~40 ms. Read once, when the JDK's
    // server class is first loaded: before any server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ServerOptions options;
  private final AccessGuard guard;
  private final StaticPage page = new StaticPage();
  private final ApiRoutes api;
  private final PrintStream log;

  private ViewerServer(HttpServer server, ExecutorService executor, ServerOptions options, AccessGuard guard,
      RecordingViewer viewer, PrintStream log) {
    this.server = server;
    this.executor = executor;
    this.options = options;
    this.guard = guard;
    this.api = new ApiRoutes(viewer);
    this.log = log;
  }

  /**
   * Starts serving a recording.
   *
   * @param log where failed requests are reported (one line each)
   * @throws CodeTracerException when the address cannot be bound
   */
  public static ViewerServer start(RecordingViewer viewer, ServerOptions options, PrintStream log) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(options.bindAddress()), options.port()), 64);
    } catch (BindException e) {
      throw new CodeTracerException("cannot listen on " + options.bindAddress() + ":" + options.port() + ": "
          + e.getMessage() + " (choose another --port, or 0 for any free one)", e);
    } catch (IOException e) {
      throw new CodeTracerException("cannot listen on " + options.bindAddress() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "codetracer-viewer-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    AccessGuard guard = new AccessGuard(options.token(), options.bindAddress());
    guard.port(server.getAddress().getPort());
    ViewerServer viewerServer = new ViewerServer(server, executor, options, guard, viewer, log);
    server.createContext("/", viewerServer::handle);
    server.setExecutor(executor);
    server.start();
    return viewerServer;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The page's URL, with the token when there is one. */
  public String url() {
    String host = options.bindAddress().contains(":") ? "[" + options.bindAddress() + "]" : options.bindAddress();
    if (host.equals("0.0.0.0") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    String base = "http://" + host + ":" + port() + "/";
    return options.token() == null ? base : base + "?token=" + URLEncoder.encode(options.token(), StandardCharsets.UTF_8);
  }

  /** Stops at once: requests under way are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      QueryParameters query;
      try {
        query = new QueryParameters(exchange.getRequestURI().getRawQuery());
      } catch (ApiException e) {
        sendError(exchange, path, e.status(), e.getMessage());
        return;
      }
      Optional<ApiException> refused = guard.check(exchange, query);
      if (refused.isPresent()) {
        sendError(exchange, path, refused.get().status(), refused.get().getMessage());
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        sendError(exchange, path, 405, method + " is not supported; the viewer only reads");
        return;
      }
      if (path.startsWith("/api/")) {
        answerApi(exchange, path, query);
      } else {
        answerPage(exchange, path, query);
      }
    } catch (IOException e) {
      // the browser went away mid-answer: nothing to tell it
    } catch (RuntimeException e) {
      log.println("codetracer host: " + exchange.getRequestURI().getPath() + " failed: " + e);
    }
  }

  private void answerApi(HttpExchange exchange, String path, QueryParameters query) throws IOException {
    Object answer;
    try {
      answer = api.answer(path, query);
    } catch (ApiException e) {
      sendError(exchange, path, e.status(), e.getMessage());
      return;
    } catch (CodeTracerException e) {
      sendError(exchange, path, 422, oneLine(e.getMessage()));
      return;
    } catch (RuntimeException e) {
      log.println("codetracer host: " + path + " failed: " + oneLine(String.valueOf(e)));
      sendError(exchange, path, 500, "the viewer failed to answer: " + oneLine(String.valueOf(e.getMessage())));
      return;
    }
    if (answer == null) {
      sendError(exchange, path, 404, "no such endpoint: " + path);
      return;
    }
    send(exchange, 200, "application/json; charset=utf-8", JSON.writeValueAsBytes(answer));
  }

  private void answerPage(HttpExchange exchange, String path, QueryParameters query) throws IOException {
    Optional<StaticPage.Resource> resource = page.find(path);
    if (resource.isEmpty()) {
      sendError(exchange, path, 404, "not found");
      return;
    }
    if (guard.tokenInQuery(query)) {
      exchange.getResponseHeaders().add("Set-Cookie",
          guard.cookieName() + "=" + query.text("token").orElseThrow() + "; Path=/; HttpOnly; SameSite=Strict");
    }
    send(exchange, 200, resource.get().contentType(), resource.get().bytes());
  }

  private void sendError(HttpExchange exchange, String path, int status, String message) throws IOException {
    if (path.startsWith("/api/")) {
      send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(Map.of("error", message, "status", status)));
    } else {
      String html = "<!doctype html><meta charset=utf-8><title>" + status + "</title><h1>" + status + "</h1><p>"
          + escapeHtml(message) + "</p>";
      send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", contentType);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Content-Security-Policy", SECURITY_POLICY);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
