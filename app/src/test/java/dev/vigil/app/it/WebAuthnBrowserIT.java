package dev.vigil.app.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security keys in headless Chromium with its virtual authenticator (CTAP2, internal, resident keys, user
 * verification), on a Vigil of its own whose site root is {@code http://localhost:PORT}: WebAuthn refuses an IP
 * address as the relying party, and the shared app's site root is 127.0.0.1. Enrol a key, log in with the password
 * and the key; a replayed answer (its challenge used up) is refused; with the key gone from the authenticator the
 * login stays on the second step.
 */
class WebAuthnBrowserIT {

    private static final String PASSWORD = "a long enough password";

    private LocalhostVigil vigil;
    private VigilProcess app;
    private HeadlessChromium browser;
    private ChromeDriver driver;

    /** A Vigil of its own ({@link LocalhostVigil}: WebAuthn refuses an IP address as the relying party). */
    @BeforeEach
    void start() throws IOException {
        HeadlessChromium.requireInstalled();
        vigil = LocalhostVigil.start("webauthn");
        app = vigil.app;
        browser = HeadlessChromium.open();
        driver = browser.driver;
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (browser != null) {
                browser.screenshot("webauthn-last");
                browser.close();
            }
        } finally {
            if (vigil != null) {
                Files.writeString(HeadlessChromium.SCREENSHOTS.resolve("webauthn-vigil.log"), app.output());
                vigil.close();
            }
        }
    }

    @Test
    void enrolAKeyLogInWithItRefuseAReplayAndFailWithoutIt() {
        VirtualAuthenticator authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        String site = "http://localhost:" + app.port();
        String email = "key-" + UUID.randomUUID() + "@example.com";
        driver.get(site + "/accounts/signup/");
        browser.signUp(vigil.mail, email, PASSWORD);

        driver.get(site + "/accounts/settings/");
        if (!driver.findElements(By.id("webauthn-reauth")).isEmpty()) {
            driver.findElement(By.id("webauthn-reauth")).click();
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.id("submit")).click();
        }
        driver.findElement(By.id("webauthn-name")).clear();
        driver.findElement(By.id("webauthn-name")).sendKeys("My test key");
        driver.findElement(By.id("webauthn-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-notice"),
                "The security key is added."));
        assertThat(driver.findElement(By.id("security-keys")).getText()).contains("My test key");
        assertThat(authenticator.getCredentials()).hasSize(1);

        // log out, log in with the password, then the key; the form's fields are kept to be replayed below
        logOutAndInWithPassword(wait, site, email);
        ((JavascriptExecutor) driver).executeScript("var f = document.getElementById('webauthn-login-form');"
                + "f.submit = function () { sessionStorage.setItem('answer', JSON.stringify(Object.fromEntries("
                + "new FormData(f)))); HTMLFormElement.prototype.submit.call(f); };");
        driver.findElement(By.id("webauthn-use")).click();
        wait.until(ExpectedConditions.urlMatches("/projects/[0-9a-f-]{36}/checks/$"));
        assertThat(driver.findElement(By.id("no-checks")).getText()).contains("No checks yet");

        // the same answer again, in a new pending login: its challenge is used up
        logOutAndInWithPassword(wait, site, email);
        ((JavascriptExecutor) driver).executeScript("var f = document.getElementById('webauthn-login-form');"
                + "var a = JSON.parse(sessionStorage.getItem('answer'));"
                + "['credential_id', 'client_data', 'authenticator_data', 'signature', 'user_handle'].forEach("
                + "function (n) { f.querySelector(\"input[name='\" + n + \"']\").value = a[n]; });"
                + "HTMLFormElement.prototype.submit.call(f);");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("form-error"),
                "The security key could not be verified."));
        assertThat(driver.getCurrentUrl()).endsWith("/accounts/webauthn/login/");

        // the key gone from the authenticator: the browser finds none of the account's keys
        authenticator.removeAllCredentials();
        logOutAndInWithPassword(wait, site, email);
        driver.findElement(By.id("webauthn-use")).click();
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("webauthn-error")));
        assertThat(driver.findElement(By.id("webauthn-error")).getText()).isNotBlank();
        assertThat(driver.getCurrentUrl()).endsWith("/accounts/login/");
        assertThat(driver.findElements(By.id("no-checks"))).isEmpty();
    }

    private void logOutAndInWithPassword(WebDriverWait wait, String site, String email) {
        driver.manage().deleteAllCookies();
        driver.get(site + "/accounts/login/");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webauthn-use")));
    }
}
