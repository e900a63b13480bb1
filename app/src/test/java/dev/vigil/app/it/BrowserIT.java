package dev.vigil.app.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages in a real browser: Debian's headless Chromium through its own chromedriver (never a downloaded
 * one), against the shared app. Screenshots of each step land in {@code target/browser-screenshots/}.
 */
class BrowserIT {

    private static SharedVigil vigil;
    private HeadlessChromium browser;
    private WebDriver driver;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        vigil = SharedVigil.get();
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

    @Test
    void signUpCreateACheckWatchItTurnGreenOpenItsDetailsEditItsScheduleAndLogOut() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String site = "http://127.0.0.1:" + vigil.app.port();
        driver.get(site + "/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("cron jobs");
        screenshot("1-landing");

        driver.findElement(By.linkText("Sign up")).click();
        screenshot("2-sign-up");
        browser.signUp(vigil.mail, "browser-" + UUID.randomUUID() + "@example.com", "a long enough password");
        assertThat(driver.findElement(By.id("no-checks")).getText()).contains("No checks yet");

        driver.findElement(By.id("name")).sendKeys("nightly backup");
        driver.findElement(By.id("tags")).sendKeys("prod db");
        driver.findElement(By.id("create")).click();
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-check]")));
        String check = row.getAttribute("data-check");
        assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("new");
        assertThat(row.findElement(By.cssSelector(".last-ping")).getText()).isEqualTo("never");
        assertThat(row.getText()).contains("nightly backup").contains("Every 1 day, grace 1 hour");
        screenshot("3-dashboard-new");

        // a marker that a reload would wipe: the row must turn green under it
        ((JavascriptExecutor) driver).executeScript("window.vigilNoReload = true;");
        HttpResponse<String> ping = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check))
                .header("User-Agent", "browser-test-cron/1.0").GET());
        assertThat(ping.statusCode()).isEqualTo(200);
        By status = By.cssSelector("#check-" + check + " .status");
        wait.until(ExpectedConditions.textToBe(status, "up"));
        assertThat(driver.findElement(status).getAttribute("class")).contains("status-up");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.vigilNoReload === true;"))
                .isEqualTo(true);
        assertThat(driver.findElement(By.cssSelector("#check-" + check + " .last-ping")).getText())
                .isIn("just now", "5 seconds ago", "6 seconds ago", "7 seconds ago", "8 seconds ago");
        screenshot("4-dashboard-up");

        driver.findElement(By.linkText("nightly backup")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/checks/" + check + "/details/"));
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("up");
        assertThat(driver.findElement(By.id("ping-urls")).getText()).contains(site + "/ping/" + check + "/start")
                .contains("/fail").contains("/log");
        assertThat(driver.findElement(By.id("events")).getText()).contains("success")
                .contains("browser-test-cron/1.0");
        screenshot("5-details");

        driver.findElement(By.id("edit-schedule")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/checks/" + check + "/schedule/"));
        driver.findElement(By.id("kind-cron")).click();
        type(By.id("schedule"), "61 * * * *");
        wait.until(d -> {
            WebElement error = d.findElement(By.id("preview-error")); // the parser's error, not the empty field's
            return error.isDisplayed() && !error.getText().isBlank() && !error.getText().startsWith("Enter a cron");
        });
        assertThat(driver.findElements(By.cssSelector("#preview-next li"))).isEmpty();
        screenshot("6-schedule-error");
        type(By.id("schedule"), "0 3 * * *");
        type(By.id("tz"), "Europe/Riga");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-description"),
                "At 03:00 every day (Europe/Riga)"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#preview-next li"), 5));
        assertThat(driver.findElement(By.id("preview-error")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.cssSelector("#preview-next li")).getText()).contains("03:00");
        screenshot("7-schedule-preview");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/checks/" + check + "/details/"));
        assertThat(driver.findElement(By.id("schedule-words")).getText()).startsWith("At 03:00 every day");

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.urlToBe(site + "/"));
        assertThat(driver.findElement(By.linkText("Log in")).isDisplayed()).isTrue();
        driver.get(site + "/checks/" + check + "/details/");
        wait.until(ExpectedConditions.urlToBe(site + "/accounts/login/"));
        screenshot("8-logged-out");
    }

    private void type(By field, String text) {
        WebElement e = driver.findElement(field);
        e.clear();
        e.sendKeys(text);
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }
}
