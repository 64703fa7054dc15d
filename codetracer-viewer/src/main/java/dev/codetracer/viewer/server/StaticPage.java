package dev.codetracer.viewer.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** The page's files, from the viewer's jar: a fixed list, so no request path ever reaches a file system. */
final class StaticPage {
  private static final String BASE = "/dev/codetracer/viewer/page/";

  record Resource(byte[] bytes, String contentType) {}

  private static final Map<String, String[]> FILES = Map.of(
      "/", new String[] {"index.html", "text/html; charset=utf-8"},
      "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
      "/viewer.js", new String[] {"viewer.js", "text/javascript; charset=utf-8"},
      "/viewer.css", new String[] {"viewer.css", "text/css; charset=utf-8"},
      "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

  Optional<Resource> find(String path) {
    String[] file = FILES.get(path);
    if (file == null) {
      return Optional.empty();
    }
    try (InputStream in = StaticPage.class.getResourceAsStream(BASE + file[0])) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new Resource(in.readAllBytes(), file[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
