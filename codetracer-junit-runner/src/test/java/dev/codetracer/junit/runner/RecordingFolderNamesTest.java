package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFolderNamesTest {
  private static final TestDescription ODD_NAME =
      new TestDescription("[engine:junit-jupiter]/[class:com.acme.Cart$Inner]/[method:sums(a b)]", "sums", "com.acme.Cart$Inner", "sums(a b)/x", null);

  /** Eight digits also when the random number is small (one in sixteen starts with a zero digit). */
  @Test
  void shortIdsAreEightHexDigitsAndVary() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String id = RecordingFolderNames.shortId();
      assertThat(id).matches("[0-9a-f]{8}");
      ids.add(id);
    }
    assertThat(ids).hasSizeGreaterThan(190);
  }

  @Test
  void aNewFolderIsInsideTheOutputAndDoesNotExistYet(@TempDir Path output) throws Exception {
    Path first = RecordingFolderNames.newFolder(output, ODD_NAME);
    Files.createDirectory(first);
    Path second = RecordingFolderNames.newFolder(output, ODD_NAME);
    assertThat(first.getParent()).isEqualTo(output);
    assertThat(second).doesNotExist();
    assertThat(second.getFileName().toString()).startsWith("Cart.Inner.sums_a_b__x-");
  }

  @Test
  void anInvocationsNumberFollowsADashAndAnythingAShellWouldQuoteBecomesAnUnderscore() {
    TestDescription invocation =
        new TestDescription("[engine:junit-jupiter]/[class:a.Cart]/[test-template:sums(int)]/[test-template-invocation:#3]",
            "[3] 2", "a.Cart", "sumsÉ\"€", null);
    assertThat(RecordingFolderNames.base(invocation)).isEqualTo("Cart.sums___-3");
    TestDescription longName = new TestDescription("[engine:junit-jupiter]/[class:a.B]/[method:m()]", "m", "a.B", "m".repeat(300), null);
    assertThat(RecordingFolderNames.base(longName)).hasSize(RecordingFolderNames.MAX_NAME_LENGTH).startsWith("B.mmm");
  }
}
