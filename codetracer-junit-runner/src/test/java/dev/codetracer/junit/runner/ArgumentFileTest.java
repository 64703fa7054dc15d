package dev.codetracer.junit.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgumentFileTest {
  @TempDir Path temp;

  @Test
  void theJavaLauncherReadsBackEveryArgumentUnchanged() throws IOException, InterruptedException {
    List<String> tricky =
        List.of("plain", "with space", "[engine:junit-jupiter]/[method:c(int, java.lang.String)]", "quote\"d", "back\\slash", "C:\\dir\\", "tab\there", "#hash", "@at", "");
    List<String> arguments = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), PrintArguments.class.getName()));
    arguments.addAll(tricky);
    Path file = ArgumentFile.write(temp.resolve("args"), arguments);
    Path out = temp.resolve("out");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + file).redirectOutput(out.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor()).as(Files.readString(out)).isZero();
    assertThat(Files.readAllLines(out)).containsExactlyElementsOf(tricky.stream().map(PrintArguments::escape).toList());
  }
}
