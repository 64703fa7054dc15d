package dev.codetracer.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFilterTest {
  @Test
  void byDefaultEverythingButTheJdkToolsTestFrameworksAndCodetracer() {
    ClassFilter filter = new ClassFilter(List.of(), List.of());
    assertThat(filter.instruments("com/acme/Order")).isTrue();
    assertThat(filter.instruments("Main")).isTrue();
    assertThat(filter.instruments("dev/codetracer/examples/checkout/Checkout"))
        .as("only codetracer's own modules are left out, not programs that share its namespace")
        .isTrue();
    for (String excluded : List.of("java/util/ArrayList", "jdk/internal/misc/Unsafe", "sun/nio/ch/FileChannelImpl",
        "org/apache/maven/surefire/booter/ForkedBooter", "org/junit/jupiter/api/Assertions", "org/assertj/core/api/Assertions",
        "org/mockito/Mockito", "net/bytebuddy/ByteBuddy", "org/opentest4j/AssertionFailedError", "org/hamcrest/Matcher",
        "org/gradle/api/Task", "org/codehaus/plexus/util/StringUtils", "dev/codetracer/agent/runtime/Probes",
        "dev/codetracer/junit/RecordOnFailure", "dev/codetracer/maven/RecordMojo", "dev/codetracer/cli/CodeTracerCli",
        "dev/codetracer/viewer/Viewer", "dev/codetracer/core/recording/RecordingFolder")) {
      assertThat(filter.instruments(excluded)).as(excluded).isFalse();
    }
  }

  @Test
  void includesAndExcludesTakeWildcards() {
    ClassFilter filter = new ClassFilter(List.of("com.acme.*", "org.junit.MyOwn?"), List.of("*Generated*"));
    assertThat(filter.instruments("com/acme/shop/Cart")).isTrue();
    assertThat(filter.instruments("com/acme/shop/CartGenerated$1")).isFalse();
    assertThat(filter.instruments("org/other/Thing")).isFalse();
    assertThat(filter.instruments("org/junit/MyOwnX")).isTrue();
    assertThat(new ClassFilter(List.of("java.*"), List.of()).instruments("java/util/ArrayList")).isFalse();
  }
}
