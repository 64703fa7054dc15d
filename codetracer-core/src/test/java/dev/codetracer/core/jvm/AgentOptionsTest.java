package dev.codetracer.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  @Test
  void defaults() {
    AgentOptions options = AgentOptions.parse(null);
    assertThat(options.output()).isNull();
    assertThat(options.depth()).isEqualTo(2);
    assertThat(options.values()).isTrue();
    assertThat(options.start()).isEqualTo(AgentOptions.Start.MAIN);
    assertThat(options.finish()).isEqualTo(AgentOptions.Finish.AGENT);
    assertThat(options.redact().pattern()).isEqualTo(AgentOptions.DEFAULT_REDACT);
    assertThat(options.maxSteps()).isEqualTo(AgentOptions.DEFAULT_MAX_STEPS);
    assertThat(options.includes()).isEmpty();
  }

  @Test
  void parsesEveryOption() {
    AgentOptions options = AgentOptions.parse(
        "output=rec,includes=com.acme.*:org.x.Y,excludes=*Test,depth=3,redact=pin,maxSteps=1_000,maxEvents=50,"
            + "maxBytes=2m,values=none,start=api,sourcepath=a:b,format=json,finish=external,maxString=64,maxElements=7,name=t");
    assertThat(options.output()).isEqualTo(Path.of("rec").toAbsolutePath());
    assertThat(options.includes()).containsExactly("com.acme.*", "org.x.Y");
    assertThat(options.excludes()).containsExactly("*Test");
    assertThat(options.depth()).isEqualTo(3);
    assertThat(options.redact().pattern()).isEqualTo("pin");
    assertThat(options.maxSteps()).isEqualTo(1000);
    assertThat(options.maxEvents()).isEqualTo(50);
    assertThat(options.maxBytes()).isEqualTo(2L << 20);
    assertThat(options.values()).isFalse();
    assertThat(options.start()).isEqualTo(AgentOptions.Start.API);
    assertThat(options.sourcepath()).containsExactly(Path.of("a").toAbsolutePath(), Path.of("b").toAbsolutePath());
    assertThat(options.finish()).isEqualTo(AgentOptions.Finish.EXTERNAL);
    assertThat(options.maxString()).isEqualTo(64);
    assertThat(options.maxElements()).isEqualTo(7);
    assertThat(options.name()).isEqualTo("t");
    assertThat(AgentOptions.parse("redact=none").redact()).isNull();
    assertThat(AgentOptions.parse("format=bin,finish=external").format()).isEqualTo("bin");
  }

  @Test
  void aBackslashEscapesACommaOrABackslashAndIsItselfBeforeAnythingElse() {
    AgentOptions options = AgentOptions.parse("output=/tmp/x/out\\,1,redact=(?i)(a{1\\,2}b),depth=3");
    assertThat(options.output()).isEqualTo(Path.of("/tmp/x/out,1"));
    assertThat(options.redact().pattern()).isEqualTo("(?i)(a{1,2}b)");
    assertThat(options.depth()).isEqualTo(3);
    assertThat(AgentOptions.parse("name=C:\\work\\new").name()).as("a Windows path typed by hand").isEqualTo("C:\\work\\new");
    assertThat(AgentOptions.parse("name=a\\\\,depth=1").name()).as("an escaped backslash, then the separator").isEqualTo("a\\");
    assertThat(AgentOptions.parse("name=a\\").name()).as("a backslash at the end").isEqualTo("a\\");
    assertThat(AgentOptions.split(" depth=1,, name=x\\,y ,")).containsExactly(" depth=1", " name=x,y ");
  }

  @Test
  void escapedValuesReadBackUnchanged() {
    for (String value : new String[] {"/tmp/x/out,1", "C:\\work\\new\\", "a\\,b\\\\,", ",,", "\\", "plain"}) {
      AgentOptions parsed = AgentOptions.parse("depth=1,name=" + AgentOptions.escape(value) + ",values=none");
      assertThat(parsed.name()).isEqualTo(value);
      assertThat(parsed.depth()).isEqualTo(1);
      assertThat(parsed.values()).isFalse();
    }
    String regex = "(?i)(a{1,2}b)\\\\d+";
    assertThat(AgentOptions.parse("redact=" + AgentOptions.escape(regex)).redact().pattern()).isEqualTo(regex);
  }

  @Test
  void badOptionsFailWithOneLineNamingThem() {
    assertThatThrownBy(() -> AgentOptions.parse("colour=red")).hasMessageStartingWith("unknown option \"colour\"");
    assertThatThrownBy(() -> AgentOptions.parse("depth")).hasMessageContaining("\"depth\" is not key=value");
    assertThatThrownBy(() -> AgentOptions.parse("depth=-1")).hasMessage("option \"depth\" must be between 0 and 16, not -1");
    assertThatThrownBy(() -> AgentOptions.parse("maxSteps=lots")).hasMessage("option \"maxSteps\" must be a whole number, not \"lots\"");
    assertThatThrownBy(() -> AgentOptions.parse("values=some")).hasMessage("option \"values\" must be one of full, none, not \"some\"");
    assertThatThrownBy(() -> AgentOptions.parse("redact=(")).hasMessageStartingWith("option \"redact\" is not a valid regular expression");
    assertThatThrownBy(() -> AgentOptions.parse("depth=1,depth=2")).hasMessage("option \"depth\" is given twice");
    assertThatThrownBy(() -> AgentOptions.parse("format=bin")).hasMessageStartingWith("option \"format=bin\" needs `codetracer record --format bin`");
    assertThatThrownBy(() -> AgentOptions.parse("output=")).hasMessage("option \"output\" needs a value");
    for (String bad : new String[] {"colour=red", "depth=x", "values=q", "redact=("}) {
      assertThatThrownBy(() -> AgentOptions.parse(bad)).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }
}
