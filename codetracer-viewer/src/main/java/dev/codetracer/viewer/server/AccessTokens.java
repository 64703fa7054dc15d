package dev.codetracer.viewer.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Access tokens for {@code --token auto}: 192 random bits, URL-safe. */
public final class AccessTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private AccessTokens() {}

  public static String generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
