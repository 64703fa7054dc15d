package dev.codetracer.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.index.LocalRecordings;
import dev.codetracer.core.recording.DataDirectory;
import dev.codetracer.core.recording.TestRecordings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingPublisherTest {
  private static final String ID = "0190a1b2-0000-7000-8000-0000000000aa";

  @TempDir Path temp;

  private LocalRecordings index() {
    return new LocalRecordings(new DataDirectory(temp.resolve("data")));
  }

  @Test
  void registersOnceAndExportsBesideAndIntoTheExportFolder() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("out/CartTest.adds-1f0c9a2e"), ID, "java", null);
    Path exports = temp.resolve("ci");
    RecordingPublisher publisher = new RecordingPublisher(RecordingPublisher.Registration.NOW, this::index, true, Optional.of(exports));

    RecordingPublisher.Published published = publisher.publish(folder);

    assertThat(published.warnings()).isEmpty();
    assertThat(published.recording().path()).isEqualTo(folder);
    assertThat(published.zips()).containsExactly(temp.resolve("out/CartTest.adds-1f0c9a2e.zip"), exports.resolve("CartTest.adds-1f0c9a2e.zip"));
    assertThat(published.zips()).allMatch(Files::isRegularFile);
    assertThat(index().findById(ID)).isPresent();
    assertThat(new RecordingPublisher(RecordingPublisher.Registration.NOW, this::index, false, Optional.empty()).publish(folder).warnings())
        .as("an indexed recording is not registered twice")
        .isEmpty();
    assertThat(index().count()).isEqualTo(1);
  }

  @Test
  void aRegistrationForLaterLeavesTheIndexClosedUntilItsNextOpening() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("out/CartTest.adds-1f0c9a2e"), ID, "java", null);
    RecordingPublisher.Published published =
        new RecordingPublisher(RecordingPublisher.Registration.LATER, this::index, false, Optional.empty()).publish(folder);

    assertThat(published.warnings()).isEmpty();
    assertThat(temp.resolve("data/trace_index.db")).as("not opened by the publisher").doesNotExist();
    assertThat(index().findById(ID)).as("in the index at its next opening").isPresent();
    assertThat(index().count()).isEqualTo(1);
  }

  @Test
  void aRegistrationForLaterThatCannotBeWrittenIsAWarning() throws IOException {
    Path folder = TestRecordings.jvmRecording(temp.resolve("out/rec"), ID, "java", null);
    Files.writeString(temp.resolve("data"), "a file where the data directory should be");
    RecordingPublisher.Published published =
        new RecordingPublisher(RecordingPublisher.Registration.LATER, this::index, false, Optional.empty()).publish(folder);
    assertThat(published.warnings()).singleElement().asString().startsWith("not added to the index: cannot leave its registration in");
    assertThat(folder).isDirectory();
  }

  @Test
  void withoutIndexNorExportsItOnlyValidates() {
    Path folder = TestRecordings.jvmRecording(temp.resolve("out/rec"), ID, "java", null);
    RecordingPublisher.Published published =
        new RecordingPublisher(RecordingPublisher.Registration.NONE, () -> { throw new AssertionError("the index is not wanted"); }, false, Optional.empty()).publish(folder);
    assertThat(published.zips()).isEmpty();
    assertThat(published.warnings()).isEmpty();
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void problemsAfterValidationAreWarningsAndAnInvalidFolderIsAnError() throws IOException {
    Path folder = TestRecordings.jvmRecording(temp.resolve("out/rec"), ID, "java", null);
    Files.writeString(temp.resolve("out/rec.zip"), "taken");
    Files.writeString(temp.resolve("blocker"), "x");
    RecordingPublisher.Published published =
        new RecordingPublisher(RecordingPublisher.Registration.NONE, this::index, true, Optional.of(temp.resolve("blocker/ci"))).publish(folder);
    assertThat(published.warnings()).hasSize(2).allMatch(warning -> warning.startsWith("not exported: "));
    assertThat(folder).isDirectory();

    Path empty = Files.createDirectories(temp.resolve("out/empty"));
    assertThatThrownBy(() -> new RecordingPublisher(RecordingPublisher.Registration.NOW, this::index, false, Optional.empty()).publish(empty))
        .isInstanceOf(CodeTracerException.class);
    assertThat(empty).isDirectory();
  }
}
