package dev.codetracer.viewer.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver driven by Selenium, with both paths given so that Selenium
 * Manager never downloads anything. Tests on a machine without them are skipped, saying so.
 */
final class HeadlessChromium {
  static final Path CHROMIUM = Path.of(System.getProperty("codetracer.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("codetracer.chromedriver", "/usr/bin/chromedriver"));

  private HeadlessChromium() {}

  static void assumeInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      System.err.println("SKIPPED browser test: " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing (apt-get install chromium chromium-driver, as .ci/run does)");
    }
    Assumptions.assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
  }

  static WebDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1500,950");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** Saves a screenshot as a test artifact under target/. */
  static Path screenshot(WebDriver driver, String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "viewer-screenshots", name + ".png").toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return target;
  }
}
