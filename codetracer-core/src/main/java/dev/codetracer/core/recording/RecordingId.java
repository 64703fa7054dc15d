package dev.codetracer.core.recording;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Recording ids: UUIDv7 (RFC 9562), lowercase, 36 characters. The 48-bit millisecond timestamp
 * first makes them sort by creation time; the 74 random bits make them unique across machines,
 * so an id survives export and import unchanged.
 */
public final class RecordingId {
  /** The shortest prefix accepted wherever an id is asked for. */
  public static final int MIN_PREFIX_LENGTH = 8;

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern PREFIX_TEXT = Pattern.compile("[0-9a-f-]{" + MIN_PREFIX_LENGTH + ",36}");

  /** Made on first use: commands that only read ids (list, show) need not set up the security providers. */
  private static final class Random {
    static final SecureRandom SOURCE = new SecureRandom();
  }

  private RecordingId() {}

  public static String newId() {
    return newId(System.currentTimeMillis());
  }

  static String newId(long epochMillis) {
    long randA = Random.SOURCE.nextInt(1 << 12);
    long randB = Random.SOURCE.nextLong();
    long most = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
    long least = (randB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(most, least).toString();
  }

  /** True for any well-formed UUID in canonical lowercase text (other recorders may use v4). */
  public static boolean isValid(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }

  /** True when the text can be looked up as an id or id prefix. */
  public static boolean isPrefix(String text) {
    return text != null && PREFIX_TEXT.matcher(text).matches();
  }

  /** The first 8 characters: the shortest form an id is ever shown in. */
  public static String shortForm(String id) {
    return id.length() <= MIN_PREFIX_LENGTH ? id : id.substring(0, MIN_PREFIX_LENGTH);
  }

  /**
   * The shortest prefix of {@code id}, at least 8 characters, that neither of its neighbours in id
   * order shares (null when it has none), as git abbreviates commit ids. Needed because the first
   * 8 characters of a UUIDv7 are its time in units of 65 seconds: recordings made within a minute
   * of each other share them. A prefix never ends on a hyphen.
   */
  public static String uniquePrefix(String id, String before, String after) {
    int length = Math.max(MIN_PREFIX_LENGTH, Math.max(commonPrefix(id, before), commonPrefix(id, after)) + 1);
    if (length < id.length() && id.charAt(length - 1) == '-') {
      length++;
    }
    return id.substring(0, Math.min(length, id.length()));
  }

  private static int commonPrefix(String id, String other) {
    if (other == null) {
      return 0;
    }
    int length = 0;
    while (length < id.length() && length < other.length() && id.charAt(length) == other.charAt(length)) {
      length++;
    }
    return length;
  }
}
