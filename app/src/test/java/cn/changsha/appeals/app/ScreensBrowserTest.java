package cn.changsha.appeals.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.changsha.appeals.kiosk.AppealDraft;
import cn.changsha.appeals.kiosk.Receipt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One working day on the screens, in a real headless Chromium, in Chinese and in English: a kiosk
 * files an appeal, the department's workbench shows it without reloading and acknowledges and
 * resolves it, the monitors' tiles change without reloading, a neglected urgent appeal's breach
 * arrives in the dashboard's feed on the fast business clock, and the enterprise finds its appeal
 * by tracking number and secret and rates it. Every screen is photographed at office and kiosk
 * size under {@code target/screenshots}, and every page is checked for anything fetched from
 * outside the application and for errors in its console (a refused script or style shows there).
 */
class ScreensBrowserTest {

  private static Browser browser;

  @BeforeAll
  static void startBrowser() {
    assumeTrue(Browser.missing().isEmpty(), () -> "Browser tests skipped: " + Browser.missing().orElseThrow());
    browser = Browser.start();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "in {0}")
  @ValueSource(strings = {"zh-CN", "en"})
  void aWorkingDayOnTheScreens(String lang, @TempDir Path dataDir) {
    boolean english = lang.equals("en");
    String title = english ? "Meeting request: land use" : "约见副区长:用地协调";
    Tracker.Ports ports = Tracker.Ports.free();
    // A Monday afternoon on a clock 300 times faster than real time: two working hours in 24 seconds.
    try (Tracker tracker = Tracker.start(dataDir, ports, null,
        "--appeals.clock.start=2026-11-23T13:30+08:00", "--appeals.clock.speed=300")) {
      try {
        workingDay(tracker, ports.http(), lang, english, title);
      } finally {
        closeWindowsButOne(); // before the tracker stops, so its closed streams are not an error of the next run
        browser.consoleErrors();
      }
    }
  }

  private static void workingDay(Tracker tracker, int port, String lang, boolean english, String title) {
    {
      Map<String, String> hosts = Map.of("kiosk", "http://127.0.0.2:" + port, "department", "http://127.0.0.3:" + port,
          "monitor", "http://127.0.0.4:" + port, "enterprise", "http://127.0.0.5:" + port);

      // The monitor opens the dashboard and keeps it open for the whole day.
      String monitor = browser.newWindow();
      signIn(hosts.get("monitor"), lang, "staff", tracker.key("monitor"));
      waitFor(d -> d.getCurrentUrl().endsWith("/screens/dashboard"));
      markNoReload();
      waitFor(d -> !tile("tile-open").equals("–"));
      assertThat(text(By.cssSelector("#tile-open .label"))).isEqualTo(english ? "Open" : "在办诉求");
      int openBefore = Integer.parseInt(tile("tile-open"));
      int toAcknowledgeBefore = Integer.parseInt(tile("tile-to-acknowledge"));

      // An urgent appeal nobody will touch: due two working hours from now.
      Receipt neglected = tracker.as("kiosk-01").submit(new AppealDraft(
          new AppealDraft.Enterprise("长沙星沙精密机械有限公司", "91350100M000100Y43", "刘经理", "13800000000", null),
          "430121", "TAX", english ? "Urgent: export tax refund" : "紧急:出口退税", "出口退税迟迟未到账,影响资金周转。", "HOTLINE", "URGENT"));

      // The Wangcheng business service center opens its workbench.
      String department = browser.newWindow();
      signIn(hosts.get("department"), lang, "staff", tracker.key("430112-BSC"));
      waitFor(d -> d.getCurrentUrl().endsWith("/screens/workbench"));
      markNoReload();
      waitFor(d -> !text(By.id("queue-total")).equals("–"));

      // The kiosk: the credit code is checked as it is typed, the promise shown before submitting.
      String kiosk = browser.newWindow();
      signIn(hosts.get("kiosk"), lang, "staff", tracker.key("kiosk-01"));
      waitFor(d -> d.getCurrentUrl().endsWith("/screens/kiosk"));
      waitFor(d -> new Select(d.findElement(By.id("district"))).getOptions().size() == 10);
      assertThat(text(By.cssSelector("#intake h1"))).isEqualTo(english ? "File an enterprise appeal" : "企业诉求登记");
      type("name", "湖南望城食品有限公司");
      type("creditCode", "91350100m000100y4");
      assertThat(text(By.id("creditCode-check"))).contains("17");
      type("creditCode", "91350100M000100Y45");
      assertThat(text(By.id("creditCode-check"))).isEqualTo(english
          ? "The check character does not match; please check the code" : "校验码不符,请核对");
      type("creditCode", "91350100M000100Y43");
      assertThat(text(By.id("creditCode-check"))).isEqualTo(english ? "✓ valid code" : "✓ 代码有效");
      type("contactName", "周总");
      type("contactPhone", "13900000000");
      new Select(browser.driver.findElement(By.id("district"))).selectByValue("430112");
      new Select(browser.driver.findElement(By.id("category"))).selectByValue("MEETING_REQUEST");
      type("title", title);
      type("description", "扩产项目涉及用地和环评,希望约见分管副区长现场协调。");
      // Monday's request for a meeting: an answer by the close of the next working day.
      waitFor(d -> text(By.id("promise-first-response")).equals("2026-11-24 17:30"));
      browser.screenshot(lang + "-kiosk-form-kiosk", Browser.KIOSK);
      browser.screenshot(lang + "-kiosk-form-office", Browser.OFFICE);

      // The network drops as the kiosk submits: it retries with the same idempotency key once it is back.
      browser.driver.setNetworkConditions(offline());
      browser.driver.findElement(By.id("submit")).click();
      waitFor(d -> d.findElement(By.id("intake-error")).isDisplayed());
      assertThat(text(By.id("intake-error"))).isEqualTo(english
          ? "Network lost; retrying (the same appeal will not be filed twice)…" : "网络中断,正在重试(同一笔登记不会重复)……");
      browser.driver.deleteNetworkConditions();
      assertThat(browser.consoleErrors()).as("only the offline attempts failed")
          .allSatisfy(error -> assertThat(error).contains("ERR_INTERNET_DISCONNECTED"));
      waitFor(d -> d.findElement(By.id("receipt")).isDisplayed());
      String trackingNumber = text(By.id("receipt-tracking-number"));
      String secret = text(By.id("receipt-secret"));
      assertThat(trackingNumber).matches("CS[0-9A-Z]{10}");
      assertThat(secret).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
      assertThat(text(By.id("receipt-first-response"))).isEqualTo("2026-11-24 17:30");
      browser.screenshot(lang + "-kiosk-receipt-kiosk", Browser.KIOSK);
      browser.screenshot(lang + "-kiosk-receipt-office", Browser.OFFICE);
      checkPage(hosts.get("kiosk"));

      // The workbench shows it without reloading, on track.
      browser.use(department);
      By row = By.xpath("//table[@id='queue']//tr[.//a[text()='" + trackingNumber + "']]");
      waitFor(d -> !d.findElements(row).isEmpty());
      assertNoReload();
      assertThat(browser.driver.findElement(row).getAttribute("data-urgency")).isEqualTo("ON_TRACK");
      assertThat(browser.driver.findElements(By.xpath("//table[@id='queue']//td[text()='" + title + "']")))
          .as("filed once, after the attempts the dropped network failed").hasSize(1);
      browser.screenshot(lang + "-workbench-office", Browser.OFFICE);
      browser.screenshot(lang + "-workbench-kiosk", Browser.KIOSK);

      // The dashboard counted it without reloading.
      browser.use(monitor);
      waitFor(d -> Integer.parseInt(tile("tile-open")) == openBefore + 2);
      waitFor(d -> Integer.parseInt(tile("tile-to-acknowledge")) == toAcknowledgeBefore + 2);
      assertNoReload();

      // The department acknowledges: the tile of appeals waiting for an answer goes down, live.
      browser.use(department);
      browser.driver.findElement(row).findElement(By.tagName("a")).click();
      waitFor(d -> text(By.cssSelector("[data-field=trackingNumber]")).equals(trackingNumber));
      browser.driver.findElement(By.cssSelector("button[data-action=acknowledge]")).click();
      waitFor(d -> "ACKNOWLEDGED".equals(d.findElement(By.cssSelector("[data-field=status]")).getAttribute("data-status")));
      browser.use(monitor);
      waitFor(d -> Integer.parseInt(tile("tile-to-acknowledge")) == toAcknowledgeBefore + 1);
      assertNoReload();

      // The neglected urgent appeal breaches on the fast clock; the feed shows it as it happens.
      By breach = By.xpath("//ol[@id='alert-feed']/li[@data-type='SLA_BREACHED'][.//span[text()='" + neglected.trackingNumber() + "']]");
      new WebDriverWait(browser.driver, Duration.ofSeconds(90)).until(d -> !d.findElements(breach).isEmpty());
      assertThat(text(breach)).contains(english ? "SLA breached" : "已超时");
      waitFor(d -> Integer.parseInt(tile("tile-breached")) >= 1);
      assertNoReload();
      waitFor(d -> Boolean.TRUE.equals(browser.script("return !!document.querySelector('#chart-on-time canvas');")));
      browser.screenshot(lang + "-dashboard-office", Browser.OFFICE);
      browser.screenshot(lang + "-dashboard-kiosk", Browser.KIOSK);
      checkPage(hosts.get("monitor"));

      // The department resolves it.
      browser.use(department);
      type("resolution", "已安排分管副区长到企业现场办公,用地问题已协调。");
      browser.driver.findElement(By.cssSelector("form[data-action=resolve] button")).click();
      waitFor(d -> "RESOLVED".equals(d.findElement(By.cssSelector("[data-field=status]")).getAttribute("data-status")));
      browser.screenshot(lang + "-appeal-office", Browser.OFFICE);
      browser.screenshot(lang + "-appeal-kiosk", Browser.KIOSK);
      checkPage(hosts.get("department"));

      // The enterprise finds its appeal with the receipt and rates the handling.
      browser.newWindow();
      signIn(hosts.get("enterprise"), lang, "enterprise", trackingNumber, secret);
      waitFor(d -> d.getCurrentUrl().endsWith("/screens/enterprise"));
      waitFor(d -> "RESOLVED".equals(d.findElement(By.cssSelector("[data-field=status]")).getAttribute("data-status")));
      assertThat(text(By.cssSelector("[data-field=timeline]"))).contains(english ? "Acknowledged" : "部门签收");
      browser.screenshot(lang + "-enterprise-office", Browser.OFFICE);
      browser.driver.findElement(By.cssSelector("label[for=rating-5]")).click();
      type("comment", english ? "Quick and thorough." : "响应快,办得实。");
      browser.driver.findElement(By.cssSelector("form[data-action=evaluate] button")).click();
      waitFor(d -> "CLOSED".equals(d.findElement(By.cssSelector("[data-field=status]")).getAttribute("data-status")));
      assertThat(text(By.cssSelector("[data-field=timeline]"))).contains(english ? "Rated · 5 stars" : "企业评价 · 5 星");
      browser.screenshot(lang + "-enterprise-rated-office", Browser.OFFICE);
      browser.screenshot(lang + "-enterprise-rated-kiosk", Browser.KIOSK);
      checkPage(hosts.get("enterprise"));

      // The sign-in page itself, as a kiosk shows it to the next enterprise.
      browser.driver.get(hosts.get("enterprise") + "/screens/sign-in?lang=" + lang);
      browser.screenshot(lang + "-sign-in-kiosk", Browser.KIOSK);
      browser.screenshot(lang + "-sign-in-office", Browser.OFFICE);

      assertThat(tracker.as("monitor").appeal(neglected.appealId()).path("sla").path("firstResponse").path("state").asString())
          .isEqualTo("BREACHED");
    }
  }

  private static void signIn(String host, String lang, String form, String... fields) {
    browser.driver.get(host + "/screens/sign-in?lang=" + lang);
    if (form.equals("staff")) {
      type("key", fields[0]);
      browser.driver.findElement(By.cssSelector("#staff-sign-in button")).click();
    } else {
      type("trackingNumber", fields[0]);
      type("secret", fields[1]);
      browser.driver.findElement(By.cssSelector("#enterprise-sign-in button")).click();
    }
  }

  /** Nothing fetched from outside the application, the font served by it in use, and no errors in the console. */
  private static void checkPage(String origin) {
    List<String> fetched = browser.fetched();
    assertThat(fetched).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
    assertThat(fetched).anySatisfy(url -> assertThat(url).contains("/fonts/noto-sans-sc/"));
    assertThat(browser.script("return document.fonts.check(\"16px 'Appeals Sans'\", '诉求受理');")).isEqualTo(true);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static void markNoReload() {
    browser.script("window.__sameDocument = true;");
  }

  private static void assertNoReload() {
    assertThat(browser.script("return window.__sameDocument === true;")).as("the page was not reloaded").isEqualTo(true);
  }

  private static ChromiumNetworkConditions offline() {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setOffline(true);
    return conditions;
  }

  private static String tile(String id) {
    return text(By.cssSelector("#" + id + " [data-figure]"));
  }

  private static String text(By by) {
    return browser.driver.findElement(by).getText().strip();
  }

  private static void type(String id, String value) {
    WebElement field = browser.driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private static void waitFor(Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(NumberFormatException.class).until(condition::apply);
    } catch (TimeoutException e) {
      throw new AssertionError("Waited in vain on " + browser.driver.getCurrentUrl() + "; the page as it was: "
          + browser.keepFailure() + "; console: " + browser.consoleErrors(), e);
    }
  }

  private static void closeWindowsButOne() {
    List<String> windows = List.copyOf(browser.driver.getWindowHandles());
    for (int i = 1; i < windows.size(); i++) {
      browser.driver.switchTo().window(windows.get(i)).close();
    }
    browser.driver.switchTo().window(windows.get(0));
  }
}
