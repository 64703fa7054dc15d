package dev.codetracer.viewer.server;

/**
 * How to serve: the address to bind (loopback unless the user named another), the port (0: any
 * free one), and the access token every request must carry (null: none).
 */
public record ServerOptions(String bindAddress, int port, String token) {
  public static final String LOOPBACK = "127.0.0.1";

  public ServerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("the access token is empty");
    }
  }

  public static ServerOptions loopback(int port) {
    return new ServerOptions(LOOPBACK, port, null);
  }

  public ServerOptions withToken(String newToken) {
    return new ServerOptions(bindAddress, port, newToken);
  }
}
