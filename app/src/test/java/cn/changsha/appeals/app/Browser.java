package cn.changsha.appeals.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, driven through its own ChromeDriver: nothing is downloaded. Each
 * user of a test gets a window of their own on a host name of their own (127.0.0.2, .3, ...: all
 * loopback), so their sign-in cookies stay apart as on separate machines.
 */
final class Browser implements AutoCloseable {

  static final Dimension OFFICE = new Dimension(1366, 768);
  /** A portrait kiosk screen. */
  static final Dimension KIOSK = new Dimension(1080, 1920);
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Why the browser tests cannot run here, or empty when they can. */
  static Optional<String> missing() {
    if (find(CHROMIUM).isEmpty() || find(DRIVER).isEmpty()) {
      return Optional.of("No Chromium and ChromeDriver on this machine (apt-get install chromium chromium-driver); "
          + "looked for " + CHROMIUM + " and " + DRIVER);
    }
    return Optional.empty();
  }

  static Browser start() {
    try {
      Path profile = Files.createTempDirectory("appeals-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(find(CHROMIUM).orElseThrow());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
          "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN");
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(Path.of(find(DRIVER).orElseThrow()).toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
      Files.createDirectories(SCREENSHOTS);
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new window, for another user. */
  String newWindow() {
    driver.switchTo().newWindow(WindowType.WINDOW);
    driver.manage().window().setSize(OFFICE);
    return driver.getWindowHandle();
  }

  void use(String window) {
    driver.switchTo().window(window);
  }

  /** Keeps a picture of the current window at the given size, then goes back to the office size. */
  Path screenshot(String name, Dimension size) {
    try {
      driver.manage().window().setSize(size);
      Thread.sleep(400); // let the charts and the layout follow the new size
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      driver.manage().window().setSize(OFFICE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A picture and the HTML of the current window, for a failure's report; returns where they are. */
  Path keepFailure() {
    try {
      Path file = SCREENSHOTS.resolve("failure-" + System.currentTimeMillis());
      Files.write(file.resolveSibling(file.getFileName() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(file.resolveSibling(file.getFileName() + ".html"), driver.getPageSource());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything the page in the current window fetched: scripts, styles, fonts, API calls, streams. */
  @SuppressWarnings("unchecked")
  List<String> fetched() {
    return (List<String>) driver.executeScript(
        "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));");
  }

  /** The console's errors since last asked (a refused script or style, an exception in a page's script). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage).toList();
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  private static Optional<String> find(List<String> candidates) {
    return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover profile in /tmp is harmless
    }
  }
}
