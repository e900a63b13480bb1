package dev.vigil.app.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way most users come back: a check goes down, its alert email arrives (through the real SMTP server the
 * shared app's relay sends to), and its link opens the check's details page in the browser, showing it down.
 */
class AlertEmailBrowserIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        HeadlessChromium.requireInstalled();
        vigil = SharedVigil.get();
    }

    @Test
    void theAlertEmailsLinkOpensTheDownChecksDetails() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        String keys = "/projects/" + u.project + "/keys/";
        Matcher key = Pattern.compile("id=\"new-key-value\">(vgw_[A-Za-z0-9]+)<").matcher(
                u.submit(keys, keys, Map.of("label", "alerts", "kind", "read-write")).body());
        assertThat(key.find()).isTrue();
        String alerts = "alerts-" + UUID.randomUUID() + "@example.com";
        assertThat(api(key.group(1), "/api/v3/channels/", "{\"kind\": \"email\", \"name\": \"on call\", "
                + "\"settings\": {\"address\": \"" + alerts + "\"}}").statusCode()).isEqualTo(201);
        HttpResponse<String> made = api(key.group(1), "/api/v3/checks/",
                "{\"name\": \"nightly backup\", \"channels\": \"*\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonObject check = Json.createReader(new StringReader(made.body())).readObject();
        String uuid = check.getString("uuid");
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + uuid + "/fail"))
                .POST(HttpRequest.BodyPublishers.ofString("backup failed: disk full"))).statusCode()).isEqualTo(200);

        MimeMessage alert = Mailbox.await(vigil, alerts, s -> s.startsWith("DOWN"), "the alert email");
        assertThat(Mailbox.subject(alert)).contains("nightly backup");
        String site = "http://127.0.0.1:" + vigil.app.port();
        Matcher link = Pattern.compile(Pattern.quote(site) + "/checks/" + uuid + "/details/").matcher(Mailbox.text(alert));
        assertThat(link.find()).as(Mailbox.text(alert)).isTrue();

        try (HeadlessChromium browser = HeadlessChromium.open()) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            browser.driver.get(link.group());
            wait.until(ExpectedConditions.urlContains("/accounts/login/")); // not signed in in this browser yet
            browser.driver.findElement(By.id("email")).sendKeys(u.email);
            browser.driver.findElement(By.id("password")).sendKeys(WebUser.PASSWORD);
            browser.driver.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.urlMatches("/projects/[0-9a-f-]{36}/checks/$"));
            browser.driver.get(link.group());
            wait.until(ExpectedConditions.textToBe(By.id("check-name"), "nightly backup"));
            assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo("down");
            assertThat(browser.driver.getPageSource()).contains("backup failed: disk full");
            browser.screenshot("alert-email-details");
        }
    }

    private static HttpResponse<String> api(String key, String path, String json) throws Exception {
        return vigil.app.send(HttpRequest.newBuilder(vigil.app.uri(path)).header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}
