package io.github.b2cpermissions.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.b2cpermissions.testkit.FakeGraphTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The onboarding flow in headless Chromium, as an administrator clicks through it: the connect
 * page, the fake tenant's consent page, the callback, and the report (or the declined page). One
 * browser serves every test. Uses the system's Chromium and chromedriver (Debian's {@code chromium}
 * and {@code chromium-driver}, or the paths in {@code -Donboarding.chromium} and {@code
 * -Donboarding.chromedriver}); skipped where they are missing. Selenium Manager never runs: both
 * paths are given. The browser trusts the fake's self-signed certificate by its public key only.
 *
 * <p>{@code -Donboarding.screenshot=PATH} writes a PNG of the report page to PATH (the README's
 * picture); without it the picture goes to {@code target/onboarding-report.png}.
 */
class OnboardingBrowserTest extends RunningOnboardingApp {
  private static final Path CHROMIUM = Path.of(System.getProperty("onboarding.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("onboarding.chromedriver", "/usr/bin/chromedriver"));
  private static final Duration PAGE_WAIT = Duration.ofSeconds(90);

  private static @Nullable WebDriver browser;
  private static Path profile;

  /** Starts the one browser on the first test; skips every test where there is none. */
  @BeforeEach
  void browserRunning() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Skipped: no Chromium at " + CHROMIUM + " or no chromedriver at " + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver, or set -Donboarding.chromium and"
            + " -Donboarding.chromedriver)");
    if (browser == null) {
      browser = startBrowser(tenant);
    }
  }

  private static WebDriver startBrowser(FakeGraphTenant fake) throws IOException {
    profile = Files.createTempDirectory("onboarding-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile,
        "--ignore-certificate-errors-spki-list=" + spkiHash(fake.certificate()),
        "--window-size=1000,1400");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    WebDriver started = new ChromeDriver(service, options);
    started.manage().timeouts().pageLoadTimeout(PAGE_WAIT);
    started.manage().window().setSize(new Dimension(1000, 1400));
    return started;
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  @Test
  void acceptingOnTheConsentPageEndsOnASatisfiedReport() throws IOException {
    openConnectPageAndConnect();

    waitFor(By.id("accept"));
    assertThat(browser.findElement(By.id("roles")).getText()).contains("User.ReadWrite.All");
    browser.findElement(By.id("accept")).click();

    waitFor(By.id("outcome"));
    assertThat(browser.getCurrentUrl()).isEqualTo(BASE + "/report");
    assertThat(browser.findElement(By.id("outcome")).getText()).isEqualTo("SATISFIED");
    assertThat(browser.findElement(By.id("tenant-id")).getText()).isEqualTo(FakeTenantConfiguration.DEMO_DOMAIN);
    assertThat(browser.findElement(By.id("nothing-skipped")).getText()).contains("full backup can run");
    assertThat(browser.findElement(By.id("backed-up")).getText()).contains("Users", "User flows");
    assertThat(browser.findElement(By.id("summary")).getText()).contains("granted admin consent", tenant.tenantId());
    Files.write(screenshotPath(), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void cancellingOnTheConsentPageShowsAReadableMessage() {
    openConnectPageAndConnect();

    waitFor(By.id("cancel"));
    browser.findElement(By.id("cancel")).click();

    waitFor(By.id("summary"));
    assertThat(browser.getCurrentUrl()).startsWith(BASE + "/consent/callback?");
    assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("DECLINED");
    assertThat(browser.findElement(By.id("summary")).getText())
        .isEqualTo("The administrator declined or cancelled admin consent, so nothing was granted."
            + " Ask the administrator to open the consent link again and accept.");
    assertThat(tenant.app().grantedRoles()).isEmpty();
  }

  private void openConnectPageAndConnect() {
    browser.get(BASE + "/");
    waitFor(By.id("tenant")).sendKeys(FakeTenantConfiguration.DEMO_DOMAIN);
    browser.findElement(By.id("connect")).click();
  }

  private static org.openqa.selenium.WebElement waitFor(By locator) {
    return new WebDriverWait(browser, PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  private static Path screenshotPath() throws IOException {
    Path path = Path.of(System.getProperty("onboarding.screenshot", "target/onboarding-report.png"));
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return path;
  }

  /** The base64 SHA-256 of a certificate's public key, as Chromium's SPKI allow list takes it. */
  static String spkiHash(java.security.cert.X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
