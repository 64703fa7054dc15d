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

  @Test
  void aNestedClassMatchesItsNameWrittenWithADotAsTheRecordingShowsItOrWithADollar() {
    for (String written : List.of("Flow.Res", "Flow$Res", "Flow.*", "Flow$*", "*.Res", "a.Flow.Res", "a.*")) {
      String name = written.startsWith("a.") ? "a/Flow$Res" : "Flow$Res";
      assertThat(new ClassFilter(List.of(written), List.of()).instruments(name)).as("includes=" + written).isTrue();
      assertThat(new ClassFilter(List.of(), List.of(written)).instruments(name)).as("excludes=" + written).isFalse();
    }
    ClassFilter flowsNested = new ClassFilter(List.of("Flow.*"), List.of("Flow.Res.Inner"));
    assertThat(flowsNested.instruments("Flow$Res$Deeper")).isTrue();
    assertThat(flowsNested.instruments("Flow$1")).as("an anonymous class of Flow").isTrue();
    assertThat(flowsNested.instruments("Flow$Res$Inner")).isFalse();
    assertThat(flowsNested.instruments("Flow")).as("Flow.* names what is inside Flow, as com.acme.* does").isFalse();
    assertThat(flowsNested.instruments("Flowing$Res")).isFalse();
    assertThat(new ClassFilter(List.of("Flow.Res"), List.of()).instruments("Flow$Resource")).isFalse();
  }
}
