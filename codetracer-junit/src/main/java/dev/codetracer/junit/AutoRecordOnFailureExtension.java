package dev.codetracer.junit;

/**
 * The registration JUnit finds by itself ({@code junit.jupiter.extensions.autodetection.enabled=true}
 * and {@code META-INF/services}). Auto-detection alone records nothing: it records every test only
 * with {@code codetracer.all=true}, and otherwise leaves the tests to {@link RecordOnFailure}.
 */
public final class AutoRecordOnFailureExtension extends RecordOnFailureExtension {
  @Override
  protected boolean appliesTo(ExtensionRun run) {
    return run.settings().all();
  }
}
