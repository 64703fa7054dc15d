package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestDescriptionTest {
  private static final String CLASS = "[engine:junit-jupiter]/[class:com.acme.CartTest]";

  @Test
  void namesForPeopleAndFolders() {
    TestDescription plain = new TestDescription(CLASS + "/[method:adds()]", "adds()", "com.acme.CartTest", "adds", null);
    assertThat(plain.invocation()).isNull();
    assertThat(plain.label()).isEqualTo("CartTest.adds");
    assertThat(RecordingFolderNames.base(plain)).isEqualTo("CartTest.adds");

    TestDescription invocation =
        new TestDescription(
            CLASS + "/[test-template:totals(int)]/[test-template-invocation:#12]", "[12] 3", "com.acme.CartTest", "totals", "(3)");
    assertThat(invocation.invocation()).isEqualTo("12");
    assertThat(invocation.label()).isEqualTo("CartTest.totals(3)");
    assertThat(RecordingFolderNames.base(invocation)).isEqualTo("CartTest.totals-12");

    TestDescription dynamic =
        new TestDescription(
            CLASS + "/[test-factory:all()]/[dynamic-container:#1]/[dynamic-test:#2]", "adds one", "com.acme.CartTest", "all", null);
    assertThat(dynamic.label()).isEqualTo("CartTest.all[2] \"adds one\"");
    assertThat(RecordingFolderNames.base(dynamic)).isEqualTo("CartTest.all-2");

    TestDescription nested =
        new TestDescription(CLASS + "/[nested-class:Empty]/[method:is empty()]", "is empty ✓", "com.acme.CartTest$Empty", "isEmpty", null);
    assertThat(nested.label()).isEqualTo("CartTest.Empty.isEmpty \"is empty ✓\"");
    assertThat(RecordingFolderNames.base(nested)).isEqualTo("CartTest.Empty.isEmpty");
  }

  @Test
  void folderNamesEndInAShortIdAndAreSafe(@org.junit.jupiter.api.io.TempDir Path output) {
    TestDescription odd = new TestDescription("[engine:x]/[test:a b]", "a b", "Weird Name$ünï", "do it/now", null);
    Path folder = RecordingFolderNames.newFolder(output, odd);
    assertThat(folder.getParent()).isEqualTo(output);
    assertThat(folder.getFileName().toString()).matches("Weird_Name._n_.do_it_now-[0-9a-f]{8}");
  }
}
