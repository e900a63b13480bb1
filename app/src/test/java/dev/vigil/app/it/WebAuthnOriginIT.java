package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server, not the browser, holds a security key to the site's origin: registrations and assertions made by
 * {@link SoftAuthenticator} (which, unlike Chromium's virtual authenticator, signs for any origin) are posted to the
 * real endpoints of {@code web/WebAuthnPages}. From another origin they are refused, and nothing is enrolled, no
 * one logged in; the same answers from the site root's origin are taken. A Vigil of its own, site root
 * {@code http://localhost:PORT}, as for {@link WebAuthnBrowserIT}.
 */
class WebAuthnOriginIT {

    private static final String REFUSED = "The security key could not be verified.";

    private static LocalhostVigil vigil;
    private static VigilProcess app;
    private static GreenMail mail;
    private static String origin;

    @BeforeAll
    static void start() {
        vigil = LocalhostVigil.start("webauthnorigin");
        app = vigil.app;
        mail = vigil.mail;
        origin = vigil.origin();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    /** Origins that are not the site root's: another site, another port of the host, the app's own IP address. */
    private static List<String> otherOrigins() {
        return List.of("https://evil.example", "http://localhost:" + (app.port() + 1),
                "http://127.0.0.1:" + app.port());
    }

    @Test
    void aRegistrationFromAnotherOriginIsRefusedAndEnrolsNothing() throws Exception {
        WebUser u = WebUser.signedUp(app, mail);
        SoftAuthenticator key = new SoftAuthenticator();
        for (String other : otherOrigins()) {
            HttpResponse<String> r = register(u, key, other);
            assertThat(r.statusCode()).as(other).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(other).endsWith("?done=key-refused");
            assertThat(keys(u.email)).as(other).isZero();
        }
        assertThat(u.get("/accounts/settings/").body()).doesNotContain("My soft key");

        HttpResponse<String> right = register(u, key, origin);
        assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("?done=key-added");
        assertThat(keys(u.email)).isEqualTo(1);
        assertThat(u.get("/accounts/settings/").body()).contains("My soft key");
    }

    @Test
    void anAssertionFromAnotherOriginLogsNoOneIn() throws Exception {
        WebUser u = WebUser.signedUp(app, mail);
        SoftAuthenticator key = new SoftAuthenticator();
        assertThat(register(u, key, origin).headers().firstValue("Location").orElseThrow())
                .endsWith("?done=key-added");
        int sessions = sessions(u.email);

        WebUser browser = new WebUser(app, mail, u.email);
        HttpResponse<String> step = browser.submit("/accounts/login/", "/accounts/login/",
                Map.of("email", u.email, "password", WebUser.PASSWORD));
        assertThat(step.statusCode()).isEqualTo(200);
        assertThat(step.body()).contains("id=\"webauthn-login-form\"");
        String pending = field(step.body(), "pending");
        for (String other : otherOrigins()) {
            HttpResponse<String> r = logIn(browser, step.body(), pending, key, other);
            assertThat(r.statusCode()).as(other).isEqualTo(401);
            assertThat(r.body()).as(other).contains(REFUSED);
            assertThat(browser.cookie("vigil_session")).as(other).isNull();
            assertThat(browser.get(u.dashboard()).statusCode()).as(other).isEqualTo(303);
            assertThat(sessions(u.email)).as(other).isEqualTo(sessions);
        }

        // an assertion alike (the same key and counter) from the site root's origin is taken
        HttpResponse<String> in = logIn(browser, step.body(), pending, key, origin);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith(u.dashboard());
        assertThat(browser.get(u.dashboard()).statusCode()).isEqualTo(200);
        assertThat(sessions(u.email)).isEqualTo(sessions + 1);
    }

    /** Asks the registration options (a new challenge), then posts the key's answer as if made at {@code from}. */
    private static HttpResponse<String> register(WebUser u, SoftAuthenticator key, String from) throws Exception {
        HttpResponse<String> options = u.submit("/accounts/settings/", "/accounts/webauthn/register/options/",
                Map.of());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonObject json = ApiClient.json(options);
        assertThat(json.getJsonObject("rp").getString("id")).isEqualTo("localhost");
        SoftAuthenticator.Registration answer = key.register("localhost", json.getString("challenge"), from);
        return u.submit("/accounts/settings/", "/accounts/webauthn/register/", Map.of("name", "My soft key",
                "client_data", answer.clientData(), "attestation", answer.attestation()));
    }

    /** Asks the login options for the pending login (a new challenge), then posts the key's assertion. */
    private static HttpResponse<String> logIn(WebUser browser, String stepPage, String pending, SoftAuthenticator key,
            String from) throws Exception {
        String csrf = WebPagesIT.csrfOf(stepPage);
        HttpResponse<String> options = browser.post("/accounts/webauthn/login/options/",
                Map.of("pending", pending, "csrf", csrf), Map.of());
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonObject json = ApiClient.json(options);
        assertThat(json.getString("rpId")).isEqualTo("localhost");
        assertThat(json.getJsonArray("allowCredentials").getJsonObject(0).getString("id"))
                .isEqualTo(key.credentialId());
        SoftAuthenticator.Assertion a = key.assertion("localhost", json.getString("challenge"), from, 1);
        return browser.post("/accounts/webauthn/login/", Map.of("pending", pending, "credential_id",
                a.credentialId(), "client_data", a.clientData(), "authenticator_data", a.authenticatorData(),
                "signature", a.signature(), "user_handle", "", "csrf", csrf), Map.of());
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a %s field in %s", name, page).isTrue();
        return m.group(1);
    }

    private static int keys(String email) throws SQLException {
        return count("SELECT count(*) FROM webauthn_credentials c JOIN users u ON u.id = c.user_id WHERE u.email = ?",
                email);
    }

    private static int sessions(String email) throws SQLException {
        return count("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email);
    }

    private static int count(String query, String email) throws SQLException {
        try (Connection c = vigil.db.connect(); PreparedStatement st = c.prepareStatement(query)) {
            st.setString(1, email);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
