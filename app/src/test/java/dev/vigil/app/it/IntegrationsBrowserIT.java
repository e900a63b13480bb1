package dev.vigil.app.it;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations, badges and appearance pages in headless Chromium (as {@link BrowserIT}): add a webhook, send a
 * test that a loopback receiver gets, see the badges, and switch to the dark colours, which the browser applies.
 */
class IntegrationsBrowserIT {

    private static final String LIGHT_BACKGROUND = "rgb(255, 255, 255)";
    private static final String DARK_BACKGROUND = "rgb(20, 24, 31)";

    private static SharedVigil vigil;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();
    private HeadlessChromium browser;
    private ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.requireInstalled();
        vigil = SharedVigil.get();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = HeadlessChromium.open();
        driver = browser.driver;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @Test
    void addAWebhookSendATestSeeTheBadgesAndGoDark() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String site = "http://127.0.0.1:" + vigil.app.port();
        driver.get(site + "/accounts/signup/");
        browser.signUp(vigil.mail, "browser-" + UUID.randomUUID() + "@example.com", "a long enough password");
        driver.findElement(By.id("name")).sendKeys("nightly backup");
        driver.findElement(By.id("tags")).sendKeys("prod");
        org.openqa.selenium.WebElement create = driver.findElement(By.id("create"));
        create.click();
        // the dashboard again, with the check: not the old page
        wait.until(HeadlessChromium.acrossReloads(ExpectedConditions.stalenessOf(create)));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("integrations-link"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-webhook"))).click();
        driver.findElement(By.id("name")).sendKeys("ops hook");
        driver.findElement(By.id("f-down-url")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook");
        driver.findElement(By.id("f-down-body")).sendKeys("$NAME is $STATUS");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("channels")));
        driver.findElement(By.cssSelector("button[id^=test-]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(driver.findElement(By.id("notice")).getText())
                .isEqualTo("The test notification through \"ops hook\" was sent.");
        assertThat(received).containsExactly("Test notification is down");
        assertThat(driver.findElement(By.cssSelector("td.last-test")).getText()).startsWith("sent just now");
        screenshot("integrations-1-tested");

        driver.findElement(By.id("badges-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("badge-prod")));
        Object width = driver.executeScript("return document.querySelector('#badge-prod img').naturalWidth");
        assertThat(((Number) width).intValue()).as("the badge image loaded").isPositive();
        screenshot("integrations-2-badges");

        // following the system: light, or dark when the system prefers dark
        assertThat(background()).isEqualTo(LIGHT_BACKGROUND);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertThat(background()).isEqualTo(DARK_BACKGROUND);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        assertThat(background()).isEqualTo(LIGHT_BACKGROUND);
        // chosen dark, whatever the system says
        driver.findElement(By.id("appearance-link")).click();
        driver.findElement(By.id("appearance-dark")).click();
        driver.findElement(By.id("save-appearance")).click();
        wait.until(HeadlessChromium.acrossReloads(
                ExpectedConditions.attributeToBe(By.tagName("html"), "class", "theme-dark")));
        assertThat(background()).isEqualTo(DARK_BACKGROUND);
        driver.navigate().back();
        driver.navigate().back();
        driver.navigate().refresh();
        wait.until(HeadlessChromium.acrossReloads(
                ExpectedConditions.attributeToBe(By.tagName("html"), "class", "theme-dark")));
        screenshot("integrations-3-dark");
    }

    private String background() {
        return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor");
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
