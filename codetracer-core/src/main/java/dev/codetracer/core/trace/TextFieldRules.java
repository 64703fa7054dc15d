package dev.codetracer.core.trace;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The text fields CodeTracer parses into something else, and what it accepts for them: a float's
 * {@code f} (Rust's {@code f64::from_str}), a char's {@code c} (one Unicode scalar value) and a big
 * integer's {@code b} (standard base64). Each check answers null when the text is fine, otherwise
 * what is wrong with it.
 */
final class TextFieldRules {
  /** Rust's float grammar: an optional sign, then inf, infinity, nan (any case) or a decimal. */
  private static final Pattern RUST_F64 =
      Pattern.compile("[+-]?(?:(?i:inf|infinity|nan)|(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");

  private TextFieldRules() {}

  static String checkFloat(String f) {
    return RUST_F64.matcher(f).matches() ? null : "f \"" + f + "\" is not a float CodeTracer can parse";
  }

  static String checkChar(String c) {
    if (c.isEmpty() || c.codePointCount(0, c.length()) != 1) {
      return "c must be exactly one character, found \"" + c + "\"";
    }
    if (Character.isSurrogate(c.charAt(0)) && c.length() == 1) {
      return "c is a lone surrogate, which is not a character";
    }
    return null;
  }

  static String checkBase64(String b) {
    try {
      Base64.getDecoder().decode(b);
      return null;
    } catch (IllegalArgumentException e) {
      return "b \"" + b + "\" is not base64";
    }
  }
}
