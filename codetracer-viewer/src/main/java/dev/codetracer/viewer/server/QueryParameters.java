package dev.codetracer.viewer.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The decoded parameters of a request's query string, with typed, checked getters. */
final class QueryParameters {
  private final Map<String, String> values = new HashMap<>();

  QueryParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      values.putIfAbsent(name, value);
    }
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw new ApiException(400, "missing query parameter \"" + name + "\"");
    }
    return value;
  }

  int integer(String name, int fallback) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ApiException(400, "query parameter \"" + name + "\" must be an integer, not \"" + value + "\"");
    }
  }

  int requiredInteger(String name) {
    required(name);
    return integer(name, 0);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiException(400, "malformed query string");
    }
  }
}
