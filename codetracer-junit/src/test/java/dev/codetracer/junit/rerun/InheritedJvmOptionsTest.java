package dev.codetracer.junit.rerun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class InheritedJvmOptionsTest {
  @Test
  void keepsTheTestJvmsOptionsButNotItsAgentsAndDebugger() {
    Properties properties = new Properties();
    properties.setProperty("java.version", "17");
    properties.setProperty("user.dir", "/p");
    properties.setProperty("line.separator", "\n");
    properties.setProperty("surefire.test.class.path", "x");
    properties.setProperty("file.encoding", "UTF-8");
    properties.setProperty("db.url", "jdbc:h2:mem:x");
    properties.setProperty("from.command.line", "as given");
    List<String> options =
        InheritedJvmOptions.of(
            List.of(
                "-Xmx512m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-javaagent:/m2/jacoco.jar=destfile=x",
                "-agentlib:jdwp=transport=dt_socket,server=y",
                "-Dfrom.command.line=as given",
                "-Dfile.encoding=UTF-8"),
            properties);
    assertThat(options)
        .containsExactly(
            "-Xmx512m",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dfrom.command.line=as given",
            "-Dfile.encoding=UTF-8",
            "-Ddb.url=jdbc:h2:mem:x");
  }
}
