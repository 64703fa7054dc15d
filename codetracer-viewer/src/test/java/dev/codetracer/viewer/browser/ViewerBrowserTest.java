package dev.codetracer.viewer.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codetracer.core.recording.RecordingFolder;
import dev.codetracer.core.trace.TraceFileFormat;
import dev.codetracer.viewer.RecordingViewer;
import dev.codetracer.viewer.index.IndexListener;
import dev.codetracer.viewer.server.ServerOptions;
import dev.codetracer.viewer.server.ViewerServer;
import dev.codetracer.viewer.testing.SampleRecordings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The viewer in a real headless Chromium: a developer opens the recording of a failing test, goes
 * to the failure, and steps back to the line that computed the wrong value.
 */
class ViewerBrowserTest {
  @TempDir Path temp;
  private RecordingViewer viewer;
  private ViewerServer server;
  private WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    HeadlessChromium.assumeInstalled();
    Path folder = SampleRecordings.failingTest(temp.resolve("recording"), TraceFileFormat.BIN);
    viewer = RecordingViewer.open(RecordingFolder.open(folder), IndexListener.SILENT);
    server = ViewerServer.start(viewer, ServerOptions.loopback(0).withToken("browser-test-token"), System.err);
    browser = HeadlessChromium.start(temp.resolve("profile"));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (viewer != null) {
      viewer.close();
    }
  }

  @Test
  void fromTheFailureBackToTheWrongValue() throws Exception {
    browser.get(server.url());
    waitForStep(0);
    assertThat(text("title")).isEqualTo("PriceCalculatorTest.totalAppliesTheDiscount");
    assertThat(text("failure-message")).contains(SampleRecordings.FAILURE_MESSAGE);
    assertThat(text("outcome")).isEqualToIgnoringCase("failed");

    click("btn-failure");
    waitForStep(16);
    assertThat(text("source-title")).isEqualTo(SampleRecordings.TEST_PATH);
    assertThat(currentLine()).isEqualTo(SampleRecordings.LINE_ASSERT);
    assertThat(currentCode()).contains("assertEquals(90, total);");
    assertThat(variables()).contains("total = 10");

    click("btn-back");
    waitForStep(15);
    assertThat(currentLine()).isEqualTo(SampleRecordings.LINE_PRINT);
    click("btn-back");
    waitForStep(14);
    assertThat(text("source-title")).isEqualTo(SampleRecordings.MAIN_PATH);
    assertThat(currentLine()).isEqualTo(SampleRecordings.LINE_RETURN_RESULT);
    assertThat(variables()).contains("price = 100", "percent = 10", "discount = 10", "result = 10");
    assertThat(text("returned")).contains("returned 10");

    click("btn-back");
    waitForStep(13);
    assertThat(currentLine()).isEqualTo(SampleRecordings.LINE_WRONG_RESULT);
    assertThat(currentCode()).contains("int result = discount;");
    assertThat(variables()).contains("price = 100", "discount = 10").noneMatch(v -> v.startsWith("result"));
    assertThat(stack()).first().asString().startsWith("shop.PriceCalculator.discounted");
    Path shot = HeadlessChromium.screenshot(browser, "failing-test-wrong-value");
    System.out.println("screenshot: " + shot);
  }

  @Test
  void callTreeConsoleAndStructuredValuesNavigate() throws Exception {
    browser.get(server.url());
    waitForStep(0);
    WebElement output = waitFor(By.cssSelector("#console .entry.stdout"));
    assertThat(output.getText()).contains("total = 10");
    output.click();
    waitForStep(15);

    WebElement testCall = waitFor(By.cssSelector("#call-tree li.call-node.current"));
    assertThat(testCall.findElement(By.className("call-label")).getText())
        .startsWith("shop.PriceCalculatorTest.totalAppliesTheDiscount()").contains("AssertionFailedError");
    testCall.findElement(By.className("toggle")).click();
    WebElement totalCall = waitFor(By.xpath("//span[contains(@class,'call-label')][starts-with(text(),'shop.PriceCalculator.total(')]/.."));
    assertThat(totalCall.findElement(By.className("call-label")).getText()).contains("prices=[40, 60]").contains("→ 10");
    totalCall.findElement(By.className("toggle")).click();
    WebElement discounted = waitFor(By.xpath("//span[contains(@class,'call-label')][starts-with(text(),'shop.PriceCalculator.discounted(')]"));
    assertThat(discounted.getText()).contains("price=100, percent=10").contains("→ 10");
    discounted.click();
    waitForStep(11);
    assertThat(currentLine()).isEqualTo(4);

    click("btn-out-back");
    waitForStep(10);
    click("btn-over-back");
    waitForStep(9);
    WebElement prices = waitFor(By.cssSelector("#variables li.var[data-name='prices']"));
    WebElement children = prices.findElement(By.tagName("ul"));
    assertThat(children.isDisplayed()).isFalse();
    prices.findElement(By.className("toggle")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> children.isDisplayed());
    assertThat(children.getText()).contains("[0] = 40").contains("[1] = 60");

    click("btn-line-back");
    waitForStep(7);
    HeadlessChromium.screenshot(browser, "call-tree-and-console");
  }

  private void waitForStep(int step) {
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
      WebElement body = d.findElement(By.tagName("body"));
      return String.valueOf(step).equals(body.getAttribute("data-step")) && "true".equals(body.getAttribute("data-ready"));
    });
  }

  private WebElement waitFor(By locator) throws java.io.IOException {
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
        List<WebElement> found = d.findElements(locator);
        return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      HeadlessChromium.screenshot(browser, "timed-out");
      throw e;
    }
  }

  private void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private int currentLine() {
    return Integer.parseInt(browser.findElement(By.cssSelector("#source .line.current")).getAttribute("data-line"));
  }

  private String currentCode() {
    return browser.findElement(By.cssSelector("#source .line.current .code")).getText();
  }

  private List<String> variables() {
    return browser.findElements(By.cssSelector("#variables > li.var")).stream()
        .map(v -> v.findElement(By.className("name")).getText() + " = " + v.findElement(By.className("value")).getText())
        .toList();
  }

  private List<String> stack() {
    return browser.findElements(By.cssSelector("#stack li")).stream().map(WebElement::getText).toList();
  }
}
