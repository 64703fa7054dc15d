package dev.codetracer.viewer.server;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Lets a request in or says why not. With a token, every request must carry it: as the {@code
 * token} query parameter (the URL printed at start), the {@value #HEADER} header, or the cookie
 * set when the page was first opened with it. On a loopback address the Host header must name
 * the loopback too, so a web page elsewhere cannot reach the viewer through DNS rebinding.
 */
final class AccessGuard {
  static final String HEADER = "X-CodeTracer-Token";

  private final byte[] token;
  private final boolean loopbackOnly;
  private String cookieName = "codetracer_token";

  AccessGuard(String token, String bindAddress) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.loopbackOnly = isLoopback(bindAddress);
  }

  void port(int port) {
    cookieName = "codetracer_token_" + port;
  }

  String cookieName() {
    return cookieName;
  }

  /** Why the request is refused (status and message), or empty when it may proceed. */
  Optional<ApiException> check(HttpExchange exchange, QueryParameters query) {
    if (loopbackOnly && !isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
      return Optional.of(new ApiException(403, "this viewer answers only requests for localhost"));
    }
    if (token != null && !carriesToken(exchange, query)) {
      return Optional.of(new ApiException(401, "this viewer needs its access token: open the URL it printed at start"));
    }
    return Optional.empty();
  }

  /** True when the request carried the token in its query (the page sets the cookie then). */
  boolean tokenInQuery(QueryParameters query) {
    return token != null && query.text("token").map(this::matches).orElse(false);
  }

  private boolean carriesToken(HttpExchange exchange, QueryParameters query) {
    if (tokenInQuery(query)) {
      return true;
    }
    String header = exchange.getRequestHeaders().getFirst(HEADER);
    if (header != null && matches(header)) {
      return true;
    }
    for (String cookies : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
      for (String cookie : cookies.split(";")) {
        String[] pair = cookie.strip().split("=", 2);
        if (pair.length == 2 && pair[0].equals(cookieName) && matches(pair[1])) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isLoopbackHost(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 && host.substring(1, end).equals("::1");
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) {
      host = host.substring(0, colon);
    }
    return host.equals("localhost") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
