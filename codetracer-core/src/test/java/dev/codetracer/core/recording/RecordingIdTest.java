package dev.codetracer.core.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordingIdTest {
  @Test
  void isAUuidVersion7WithTheRfcVariantInLowercaseCanonicalText() {
    for (int i = 0; i < 1000; i++) {
      String id = RecordingId.newId();
      assertThat(id).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(7);
      assertThat(uuid.variant()).isEqualTo(2); // RFC 9562 variant: bits 10
      assertThat(RecordingId.isValid(id)).isTrue();
    }
  }

  @Test
  void carriesTheMillisecondTimestampInTheFirst48Bits() {
    long millis = 0x0190_ABCD_1234L;
    UUID uuid = UUID.fromString(RecordingId.newId(millis));
    assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(millis);

    long now = System.currentTimeMillis();
    long stamped = UUID.fromString(RecordingId.newId()).getMostSignificantBits() >>> 16;
    assertThat(stamped).isBetween(now - 5_000, System.currentTimeMillis());
  }

  @Test
  void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
    List<String> ids = new ArrayList<>();
    long start = 1_700_000_000_000L;
    for (int i = 0; i < 500; i++) {
      ids.add(RecordingId.newId(start + i * 7L));
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertThat(sorted).isEqualTo(ids);
    // also across a change in the leading hex digits
    assertThat(RecordingId.newId(0x0FFF_FFFF_FFFFL)).isLessThan(RecordingId.newId(0x1000_0000_0000L));
  }

  @Test
  void idsAreUniqueEvenWithinOneMillisecond() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(RecordingId.newId(1_700_000_000_000L))).isTrue();
    }
  }

  @Test
  void acceptsAnyCanonicalUuidButNotOtherText() {
    assertThat(RecordingId.isValid(UUID.randomUUID().toString())).isTrue();
    assertThat(RecordingId.isValid("0190ABCD-1234-7000-8000-000000000000")).isFalse();
    assertThat(RecordingId.isValid("0190abcd12347000800000000000000000000")).isFalse();
    assertThat(RecordingId.isValid("")).isFalse();
    assertThat(RecordingId.isValid(null)).isFalse();
  }

  @Test
  void prefixesNeedAtLeastEightCharacters() {
    assertThat(RecordingId.isPrefix("0190abcd")).isTrue();
    assertThat(RecordingId.isPrefix("0190abcd-12")).isTrue();
    assertThat(RecordingId.isPrefix("0190abc")).isFalse();
    assertThat(RecordingId.isPrefix("0190abcx")).isFalse();
    assertThat(RecordingId.isPrefix(null)).isFalse();
    assertThat(RecordingId.shortForm("0190abcd-1234-7000-8000-000000000000")).isEqualTo("0190abcd");
  }

  @Test
  void aUniquePrefixIsOneCharacterLongerThanWhatANeighbourShares() {
    String id = "0190abcd-1234-7000-8000-000000000000";
    assertThat(RecordingId.uniquePrefix(id, null, null)).isEqualTo("0190abcd");
    assertThat(RecordingId.uniquePrefix(id, "0190abcc-ffff-7000-8000-000000000000", "0190abce-0000-7000-8000-000000000000"))
        .isEqualTo("0190abcd");
    assertThat(RecordingId.uniquePrefix(id, "0190abcd-1200-7000-8000-000000000000", null)).isEqualTo("0190abcd-123");
    assertThat(RecordingId.uniquePrefix(id, null, "0190abcd-1234-7000-8000-000000000001")).isEqualTo(id);
    assertThat(RecordingId.uniquePrefix(id, "0190abcd-0000-7000-8000-000000000000", null))
        .as("the hyphen is skipped")
        .isEqualTo("0190abcd-1");
  }

  @Test
  void recordingsMadeWithinAMinuteShareTheirFirstEightCharacters() {
    // why ids are shown by unique prefix: 2^16 ms of the timestamp fit behind the first 8 characters
    long now = 1_780_000_000_000L - 1_780_000_000_000L % 65_536;
    assertThat(RecordingId.shortForm(RecordingId.newId(now))).isEqualTo(RecordingId.shortForm(RecordingId.newId(now + 65_535)));
  }
}
