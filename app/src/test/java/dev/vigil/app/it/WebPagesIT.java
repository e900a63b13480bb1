package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web pages over HTTP on the shared app: security headers, sign-up and login, cookie flags, CSRF, escaping,
 * the login rate limit, and projects that are not the user's.
 */
class WebPagesIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void landingPageExplainsTheServiceUnderAStrictContentSecurityPolicy() throws IOException {
        HttpResponse<String> r = vigil.app.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Know when your cron jobs stop running.").contains("/accounts/signup/");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain(" onclick=");
        // the API and the static files carry it too
        assertThat(vigil.app.get("/api/v3/checks/").headers().firstValue("Content-Security-Policy")).hasValue(csp);
        HttpResponse<String> js = vigil.app.get("/static/dashboard.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(vigil.app.get("/static/../vigil-build.properties").statusCode()).isEqualTo(404);
    }

    @Test
    void signUpsLinkStartsAHashedSessionInAnHttpOnlyLaxCookie() throws Exception {
        WebUser u = new WebUser(vigil, "cookie-" + UUID.randomUUID() + "@example.com");
        HttpResponse<String> form = u.get("/accounts/signup/");
        String csrf = csrfOf(form.body());
        HttpResponse<String> asked = u.post("/accounts/signup/",
                Map.of("email", u.email.toUpperCase(), "password", WebUser.PASSWORD, "csrf", csrf),
                WebUser.newAddress());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("We sent a link to " + u.email + " " + WebUser.CHECK_INBOX);
        assertThat(asked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("vigil_session="));
        HttpResponse<String> r = u.followSignUpLink();
        assertThat(r.statusCode()).isEqualTo(303);
        List<String> setCookies = r.headers().allValues("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("vigil_session=")).findFirst().orElseThrow();
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .contains("Path=/").doesNotContainIgnoringCase("Secure"); // the test site root is http
        String csrfCookie = setCookies.stream().filter(c -> c.startsWith("vigil_csrf=")).findFirst().orElseThrow();
        assertThat(csrfCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(csrfCookie).doesNotContain("vigil_csrf=" + csrf + ";"); // a new token after login
        String token = u.cookie("vigil_session").getValue();
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT s.token_hash, u.email, u.password_hash, m.role FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "JOIN project_members m ON m.user_id = u.id WHERE u.email = ?")) {
            st.setString(1, u.email);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes("token_hash")).isEqualTo(MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes()));
                assertThat(rs.getString("password_hash")).startsWith("pbkdf2_sha256$600000$")
                        .doesNotContain(WebUser.PASSWORD);
                assertThat(rs.getString("role")).isEqualTo("owner");
            }
        }
        String to = r.headers().firstValue("Location").orElseThrow();
        assertThat(to).matches(".*/projects/[0-9a-f-]{36}/checks/");
        HttpResponse<String> dashboard = u.get(to.substring(to.indexOf("/projects/")));
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains(u.email).contains("No checks yet");

        // logging in again makes another session with another token
        WebUser again = new WebUser(vigil, u.email);
        HttpResponse<String> login = again.submit("/accounts/login/", "/accounts/login/",
                Map.of("email", u.email, "password", WebUser.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(again.cookie("vigil_session").getValue()).isNotEqualTo(token);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsForbidden() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> r = u.post(u.dashboard(), Map.of("name", "forged"), Map.of());
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = u.post(u.dashboard(), Map.of("name", "forged", "csrf", "guessed"), Map.of());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(u.post("/accounts/logout/", Map.of(), Map.of()).statusCode()).isEqualTo(403);
        assertThat(new WebUser(vigil, "x@example.com").post("/accounts/login/",
                Map.of("email", u.email, "password", WebUser.PASSWORD), Map.of()).statusCode()).isEqualTo(403);
        assertThat(u.get(u.dashboard()).body()).doesNotContain("forged");
    }

    @Test
    void aCheckNamedLikeAScriptIsShownAsText() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> created = u.submit(u.dashboard(), u.dashboard(),
                Map.of("name", "<script>alert(1)</script>", "tags", "\"><img src=x onerror=alert(2)>"));
        assertThat(created.statusCode()).isEqualTo(303);
        String page = u.get(u.dashboard()).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(page).doesNotContain("<img src=x");
        String check = firstCheck(page);
        String details = u.get("/checks/" + check + "/details/").body();
        assertThat(details).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void aCheckCreatedOnTheDashboardFollowsTheApisRules() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> bad = u.submit(u.dashboard(), u.dashboard(),
                Map.of("name", "nightly", "schedule", "61 * * * *"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("schedule");
        HttpResponse<String> ok = u.submit(u.dashboard(), u.dashboard(),
                Map.of("name", "nightly", "tags", "prod db", "schedule", "0 3 * * *", "tz", "Europe/Riga"));
        assertThat(ok.statusCode()).isEqualTo(303);
        String page = u.get(u.dashboard()).body();
        assertThat(page).contains("nightly").contains("At 03:00").contains("(Europe/Riga)")
                .contains(">prod</span>").contains("never").contains(">new<");
        HttpResponse<String> json = u.get("/projects/" + u.project + "/checks/status.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"new\"").contains("\"last_ping\":\"never\"");
    }

    @Test
    void loginErrorsAreOneMessageAndRepeatedFailuresAreLimited() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        Map<String, String> from = Map.of("X-Forwarded-For", address);
        HttpResponse<String> unknown = login("nobody-" + UUID.randomUUID() + "@example.com", "whatever1", from);
        HttpResponse<String> wrong = login(u.email, "wrong password", from);
        assertThat(unknown.statusCode()).isEqualTo(401).isEqualTo(wrong.statusCode());
        assertThat(errorOf(unknown)).isEqualTo(errorOf(wrong)).isEqualTo("Incorrect email or password.");
        for (int i = 0; i < 4; i++) {
            assertThat(login(u.email, "wrong password " + i, from).statusCode()).isEqualTo(401);
        }
        // five failures for this email: even the right password is refused for a while, from any address
        HttpResponse<String> limited = login(u.email, WebUser.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.9"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(errorOf(limited)).contains("Too many attempts");
        // and per address: twenty failures from one address block it for every email
        for (int i = 0; i < 18; i++) {
            login("other-" + i + "-" + UUID.randomUUID() + "@example.com", "whatever1", from);
        }
        WebUser fresh = WebUser.signedUp(vigil);
        assertThat(login(fresh.email, WebUser.PASSWORD, from).statusCode()).isEqualTo(429);
        assertThat(login(fresh.email, WebUser.PASSWORD, Map.of("X-Forwarded-For", "203.0.113.10")).statusCode())
                .isEqualTo(303);
    }

    @Test
    void signUpsAreLimitedPerEmailAndPerAddress() throws IOException {
        WebUser u = new WebUser(vigil, "limited-" + UUID.randomUUID() + "@example.com");
        for (int i = 0; i < 5; i++) {
            assertThat(u.askToSignUp(u.email, WebUser.newAddress()).statusCode()).isEqualTo(200);
        }
        // five sign-ups for this email in the hour: a sixth is refused, from any address, and mails nothing
        HttpResponse<String> limited = u.askToSignUp(u.email, WebUser.newAddress());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(errorOf(limited)).contains("Too many attempts");
        Await.until(Duration.ofSeconds(30), () -> Mailbox.to(vigil, u.email).size() == 5, () -> "five sign-up links");

        // and fifty from one address, whatever the emails, block it for every email
        Map<String, String> from = Map.of("X-Forwarded-For", "198.18.0." + (1 + (int) (Math.random() * 250)));
        for (int i = 0; i < 50; i++) {
            assertThat(u.askToSignUp("many-" + i + "-" + UUID.randomUUID() + "@example.com", from).statusCode())
                    .isEqualTo(200);
        }
        String last = "many-last-" + UUID.randomUUID() + "@example.com";
        assertThat(u.askToSignUp(last, from).statusCode()).isEqualTo(429);
        assertThat(u.askToSignUp(last, WebUser.newAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherProjectsCheckIsNotFoundNotForbidden() throws IOException {
        WebUser owner = WebUser.signedUp(vigil);
        owner.submit(owner.dashboard(), owner.dashboard(), Map.of("name", "private job"));
        String check = firstCheck(owner.get(owner.dashboard()).body());
        assertThat(owner.get("/checks/" + check + "/details/").statusCode()).isEqualTo(200);

        WebUser stranger = WebUser.signedUp(vigil);
        HttpResponse<String> theirs = stranger.get("/checks/" + check + "/details/");
        HttpResponse<String> nobodys = stranger.get("/checks/" + UUID.randomUUID() + "/details/");
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.body()).isEqualTo(nobodys.body()).doesNotContain("private job");
        assertThat(stranger.get(owner.dashboard()).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/projects/" + owner.project + "/checks/status.json").statusCode()).isEqualTo(404);
        HttpResponse<String> post = stranger.submit(stranger.dashboard(), owner.dashboard(), Map.of("name", "x"));
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(stranger.get("/checks/not-a-uuid/details/").statusCode()).isEqualTo(404);
        // signed out: the login page, whatever the check
        assertThat(new WebUser(vigil, "n@example.com").get("/checks/" + check + "/details/").statusCode())
                .isEqualTo(303);
    }

    @Test
    void detailsListPingUrlsAndTheEventLog() throws IOException, InterruptedException {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "backup", "slug", "nightly-backup"));
        String check = firstCheck(u.get(u.dashboard()).body());
        HttpResponse<String> ping = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check + "/fail"))
                .header("User-Agent", "backup-script/1.0")
                .POST(HttpRequest.BodyPublishers.ofString("disk full on /var <b>")));
        assertThat(ping.statusCode()).isEqualTo(200);
        String page = u.get("/checks/" + check + "/details/").body();
        String base = "http://127.0.0.1:" + vigil.app.port() + "/ping/" + check;
        assertThat(page).contains(base + "</code>").contains(base + "/start").contains(base + "/fail")
                .contains(base + "/log").contains(base + "/&lt;exit status&gt;");
        assertThat(page).containsPattern("/ping/[^/<]{22}/nightly-backup</code>");
        assertThat(page).contains("backup-script/1.0").contains("disk full on /var &lt;b&gt;").contains(">fail<")
                .contains("POST from");
        assertThat(page).contains(">down<");
    }

    @Test
    void theScheduleEditorPreviewsWithTheSameParserAndSavesThroughTheApi() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "report"));
        String check = firstCheck(u.get(u.dashboard()).body());
        String editor = "/checks/" + check + "/schedule/";
        HttpResponse<String> form = u.get(editor);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Every 1 day, grace 1 hour").contains("value=\"86400\"");
        assertThat(form.body()).contains("list=\"zones\"").contains("<option value=\"Europe/Riga\"></option>")
                .contains("<option value=\"America/New_York\"></option>");

        HttpResponse<String> preview = u.get(editor + "preview.json?kind=cron&schedule=0+3+*+*+*&tz=Europe%2FRiga"
                + "&grace=300&timeout=86400");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("\"description\":\"At 03:00 every day (Europe/Riga), grace 5 minutes\"");
        assertThat(preview.body().split("03:00 EET", -1)).hasSize(6); // five times, in Riga's winter time
        assertThat(u.get(editor + "preview.json?kind=cron&schedule=61+*+*+*+*&tz=UTC&grace=60").body())
                .contains("\"error\":");
        // without JavaScript: the Preview button GETs the page with the typed values
        assertThat(u.get(editor + "?kind=cron&schedule=0+3+*+*+*&tz=UTC&grace=60&timeout=86400").body())
                .contains("At 03:00 every day (UTC), grace 1 minute").contains("<li>");

        HttpResponse<String> refused = u.submit(editor, editor,
                Map.of("kind", "cron", "schedule", "61 * * * *", "tz", "UTC", "grace", "60", "timeout", "86400"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-error\"");
        HttpResponse<String> saved = u.submit(editor, editor,
                Map.of("kind", "cron", "schedule", "0 3 * * *", "tz", "Europe/Riga", "grace", "300", "timeout", "1"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(u.get("/checks/" + check + "/details/").body())
                .contains("At 03:00 every day (Europe/Riga), grace 5 minutes");
        assertThat(u.post(editor, Map.of("kind", "simple", "timeout", "60", "grace", "60"), Map.of()).statusCode())
                .isEqualTo(403);

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(editor).statusCode()).isEqualTo(404);
        assertThat(stranger.get(editor + "preview.json?kind=simple&timeout=60&grace=60").statusCode())
                .isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), editor,
                Map.of("kind", "simple", "timeout", "60", "grace", "60")).statusCode()).isEqualTo(404);
    }

    @Test
    void apiKeysAreShownOnceWorkOnTheApiAndCanBeRevoked() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "keyed"));
        String keysPage = "/projects/" + u.project + "/keys/";
        assertThat(u.get(u.dashboard()).body()).contains(keysPage);
        assertThat(u.get(keysPage).body()).contains("no API keys");
        HttpResponse<String> made = u.submit(keysPage, keysPage, Map.of("label", "ci <deploy>", "kind", "read-write"));
        assertThat(made.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"new-key-value\">(vgw_[A-Za-z0-9]{28})<").matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        String key = m.group(1);
        assertThat(made.body()).contains("ci &lt;deploy&gt;");
        HttpResponse<String> api = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/checks/"))
                .header("X-Api-Key", key));
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"name\":\"keyed\"");
        String listed = u.get(keysPage).body();
        assertThat(listed).contains("ci &lt;deploy&gt;").contains("read-write").doesNotContain(key);
        Matcher revoke = Pattern.compile("action=\"(/projects/[^\"]+/revoke/)\"").matcher(listed);
        assertThat(revoke.find()).isTrue();

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(keysPage).statusCode()).isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), revoke.group(1), Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), keysPage, Map.of("label", "x")).statusCode()).isEqualTo(404);

        assertThat(u.submit(keysPage, revoke.group(1), Map.of()).statusCode()).isEqualTo(303);
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/checks/")).header("X-Api-Key", key))
                .statusCode()).isEqualTo(401);
        assertThat(u.get(keysPage).body()).contains("no API keys");
    }

    @Test
    void logoutEndsTheSession() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        String token = u.cookie("vigil_session").getValue();
        HttpResponse<String> out = u.submit(u.dashboard(), "/accounts/logout/", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("vigil_session=;"));
        WebUser replay = new WebUser(vigil, u.email);
        HttpResponse<String> r = replay.send(HttpRequest.newBuilder(vigil.app.uri(u.dashboard()))
                .header("Cookie", "vigil_session=" + token));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/login/");
    }

    private static HttpResponse<String> login(String email, String password, Map<String, String> headers)
            throws IOException {
        WebUser u = new WebUser(vigil, email);
        HttpResponse<String> page = u.get("/accounts/login/");
        return u.post("/accounts/login/", Map.of("email", email, "password", password, "csrf", csrfOf(page.body())),
                headers);
    }

    private static String errorOf(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"form-error\">([^<]*)<").matcher(page.body());
        assertThat(m.find()).as("an error on the page: %s", page.body()).isTrue();
        return m.group(1);
    }

    static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in %s", html).isTrue();
        return m.group(1);
    }

    static String firstCheck(String dashboard) {
        Matcher m = Pattern.compile("data-check=\"([0-9a-f-]{36})\"").matcher(dashboard);
        assertThat(m.find()).as("a check on %s", dashboard).isTrue();
        return m.group(1);
    }
}
