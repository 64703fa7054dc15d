package dev.codetracer.viewer.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserOpenerTest {
  private static final String URL = "http://127.0.0.1:8080/?token=abc";
  @TempDir Path temp;

  @Test
  void browserVariableWinsAndTakesTheUrlWhereItSays() throws Exception {
    Path firefox = executable("bin/firefox");
    Map<String, String> env = Map.of("PATH", firefox.getParent().toString(), "BROWSER", "nosuch:firefox --new-tab %s");
    assertThat(new BrowserOpener(env).command(URL)).contains(List.of("firefox", "--new-tab", URL));
    assertThat(new BrowserOpener(Map.of("PATH", firefox.getParent().toString(), "BROWSER", "firefox")).command(URL))
        .contains(List.of("firefox", URL));
  }

  @Test
  void xdgOpenWhenNoBrowserIsNamed() throws Exception {
    Path xdgOpen = executable("bin/xdg-open");
    assertThat(new BrowserOpener(Map.of("PATH", xdgOpen.getParent().toString())).command(URL))
        .contains(List.of(xdgOpen.toString(), URL));
  }

  @Test
  void nothingWhenThereIsNoWayToOpenOne() {
    assertThat(new BrowserOpener(Map.of("PATH", temp.toString())).open(URL)).isEmpty();
  }

  private Path executable(String relative) throws Exception {
    Path file = temp.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
