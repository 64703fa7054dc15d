package dev.codetracer.core.rr;

import static dev.codetracer.core.rr.RrTestSupport.cleanEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codetracer.core.CodeTracerException;
import dev.codetracer.core.recording.TraceMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When {@code rr record} itself fails after the pre-flight (a machine whose counters break
 * later, rr killed), its partial trace must not stay behind. On machines that cannot record,
 * calling the recorder without the pre-flight makes the real rr fail exactly this way.
 */
class RrRecordFailureTest {
  @TempDir Path tmp;

  @Test
  void aFailedRrRecordRemovesItsPartialTraceAndSaysSoInOneLine() throws Exception {
    Optional<String> cause = RrTestSupport.whyThisMachineCannotRecord();
    boolean applies = cause.isPresent() && RrTestSupport.realRr().isPresent();
    if (!applies) {
      String reason = "needs a machine where the installed rr fails to record; here: " + cause.orElse("rr records fine");
      System.out.println("SKIPPED: " + reason);
      Assumptions.assumeTrue(false, reason);
    }
    Path program = NativeBuild.markerProgram(tmp.resolve("build"));
    Path folder = Files.createDirectory(tmp.resolve("recording"));

    assertThatThrownBy(
            () ->
                new RrRecorder()
                    .record(
                        RrTestSupport.request(List.of(program.toString(), tmp.resolve("m").toString()), tmp, folder, cleanEnvironment(), null),
                        new TraceMetadata()))
        .isInstanceOf(CodeTracerException.class)
        .hasMessageStartingWith("rr record failed (exit status ")
        .hasMessageEndingWith(") and wrote no complete trace; rr's message is above")
        .message()
        .doesNotContain("\n");
    assertThat(folder.resolve("rr")).as("rr's partial trace is removed").doesNotExist();
    assertThat(RrTestSupport.filesUnder(folder)).isEmpty();
  }
}
