package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium through its own chromedriver (never a downloaded one), with a fresh profile that is
 * deleted on close: one per browser test. Screenshots land in {@code target/browser-screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Fails, naming the packages, when Chromium or its driver is missing (a browser test never skips). */
    static void requireInstalled() {
        for (Path tool : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            assertThat(Files.isExecutable(tool)).as("%s is missing: install the Debian packages chromium and "
                    + "chromium-driver (bin/test does)", tool).isTrue();
        }
    }

    static HeadlessChromium open() throws IOException {
        Path profile = Files.createTempDirectory("vigil-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        Files.createDirectories(SCREENSHOTS);
        return new HeadlessChromium(new ChromeDriver(service, options), service, profile);
    }

    /**
     * Signs up on the sign-up page this browser shows, as a person does: fills in the form, waits for "check your
     * inbox", opens the link the app mailed to {@code email} (caught by {@code mail}), enters the password again,
     * presses its button, and waits for the new account's dashboard.
     */
    void signUp(GreenMail mail, String email, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-notice"), WebUser.CHECK_INBOX));
        driver.get(Mailbox.tokenLink(Mailbox.await(mail, email, WebUser.SIGN_UP_SUBJECT::equals, "the sign-up link"),
                "/accounts/signup/"));
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.urlMatches("/projects/[0-9a-f-]{36}/checks/$"));
    }

    /**
     * {@code condition}, read again on the next poll when the page it looked at was being replaced: an element found
     * just before a reload is stale, or, when the reload lands between finding it and reading it, Chrome answers an
     * "unknown error" that the node "does not belong to the document" (it failed a CI run). Any other error stands.
     */
    static <T> ExpectedCondition<T> acrossReloads(ExpectedCondition<T> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (StaleElementReferenceException replaced) {
                return null;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
