package dev.vigil.app.it;

import dev.vigil.app.accounts.Totp;
import dev.vigil.testsupport.Await;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account security on the shared app, with its mail relay pointed at a real SMTP server (GreenMail): login links
 * and password resets by email, re-authentication before sensitive actions, sessions, and the TOTP second factor.
 */
class AccountSecurityIT {

    private static final String SENT = "If an account exists for that address, we have sent it an email";
    private static final String GONE = "This link has expired or has already been used.";
    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void aLoginLinkLogsInOnceAndNeverTwice() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        WebUser browser = new WebUser(vigil, u.email);
        HttpResponse<String> asked = ask(browser, "/accounts/login/link/", u.email);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains(SENT);
        String link = linkIn(awaitMail(u.email, "Your Vigil login link"), "/accounts/login/link/");

        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).as("opening the link uses nothing up").isEqualTo(200);
        assertThat(browser.cookie("vigil_session")).isNull();
        HttpResponse<String> in = browser.submit(link, link, Map.of());
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith(u.dashboard());
        assertThat(browser.get(u.dashboard()).statusCode()).isEqualTo(200);

        WebUser second = new WebUser(vigil, u.email);
        HttpResponse<String> again = second.get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains(GONE);
        HttpResponse<String> replay = second.post(link, Map.of("csrf", csrfFor(second)), Map.of());
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(second.cookie("vigil_session")).isNull();
    }

    @Test
    void aBootstrapUserWithoutAPasswordLogsInByLink() throws Exception {
        String name = "boot-" + UUID.randomUUID();
        new ApiClient(vigil.app).newProject(name);
        String email = "it-" + name + "@example.com";
        WebUser browser = new WebUser(vigil, email);
        assertThat(logIn(browser, email, "no password works").statusCode()).isEqualTo(401);
        ask(browser, "/accounts/login/link/", email);
        String link = linkIn(awaitMail(email, "Your Vigil login link"), "/accounts/login/link/");
        assertThat(browser.submit(link, link, Map.of()).statusCode()).isEqualTo(303);
        assertThat(browser.get("/accounts/settings/").body()).contains("id=\"account-email\">" + email + "<");
    }

    @Test
    void anExpiredLoginLinkIsRefused() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        WebUser browser = new WebUser(vigil, u.email);
        ask(browser, "/accounts/login/link/", u.email);
        String link = linkIn(awaitMail(u.email, "Your Vigil login link"), "/accounts/login/link/");
        String token = link.replaceAll(".*/link/([^/]+)/$", "$1");
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "UPDATE login_tokens SET expires = now() - interval '1 second' WHERE token_hash = ?")) {
            st.setBytes(1, MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            assertThat(st.executeUpdate()).as("the token is stored by its hash").isEqualTo(1);
        }
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains(GONE);
        assertThat(browser.post(link, Map.of("csrf", csrfFor(browser)), Map.of()).statusCode())
                .isEqualTo(410);
        assertThat(browser.cookie("vigil_session")).isNull();
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        WebUser known = WebUser.signedUp(vigil);
        WebUser browser = new WebUser(vigil, unknown);
        HttpResponse<String> forUnknown = ask(browser, "/accounts/reset/", unknown);
        HttpResponse<String> forKnown = ask(browser, "/accounts/reset/", known.email);
        assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode()).isEqualTo(200);
        assertThat(notice(forUnknown)).isEqualTo(notice(forKnown)).startsWith(SENT);
        assertThat(forUnknown.body()).doesNotContain(unknown);
        // the emails go out in order: once the known address has its email, the unknown would have had one
        awaitMail(known.email, "Reset your Vigil password");
        assertThat(mailsTo(unknown)).isEmpty();
        assertThat(ask(browser, "/accounts/login/link/", unknown).body()).contains(SENT);
    }

    @Test
    void aResetChangesThePasswordAndEndsEverySession() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        WebUser other = new WebUser(vigil, u.email);
        assertThat(logIn(other, u.email, WebUser.PASSWORD).statusCode()).isEqualTo(303);
        WebUser browser = new WebUser(vigil, u.email);
        ask(browser, "/accounts/reset/", u.email);
        String link = linkIn(awaitMail(u.email, "Reset your Vigil password"), "/accounts/reset/");
        String newPassword = "a new password " + UUID.randomUUID();

        HttpResponse<String> tooShort = browser.submit(link, link, Map.of("password", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        HttpResponse<String> done = browser.submit(link, link, Map.of("password", newPassword));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your password is changed");

        for (WebUser before : List.of(u, other)) {
            HttpResponse<String> r = before.get(u.dashboard());
            assertThat(r.statusCode()).as("a session from before the reset").isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/login/");
        }
        assertThat(logIn(new WebUser(vigil, u.email), u.email, WebUser.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(logIn(new WebUser(vigil, u.email), u.email, newPassword).statusCode()).isEqualTo(303);
        assertThat(browser.get(link).statusCode()).as("the link works once").isEqualTo(410);
    }

    @Test
    void makingAnApiKeyNeedsThePasswordAgainAfterFiveMinutes() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        String keys = "/projects/" + u.project + "/keys/";
        staleReauthentication(u);
        HttpResponse<String> asked = u.submit(keys, keys, Map.of("label", "deploy", "kind", "read-write"));
        assertThat(asked.statusCode()).isEqualTo(303);
        String reauth = asked.headers().firstValue("Location").orElseThrow()
                .replace("http://127.0.0.1:" + vigil.app.port(), "");
        assertThat(reauth).isEqualTo("/accounts/reauth/?next=%2Fprojects%2F" + u.project + "%2Fkeys%2F");
        assertThat(u.get(keys).body()).contains("no API keys");

        assertThat(u.submit(reauth, "/accounts/reauth/", Map.of("password", "wrong password", "next", keys))
                .statusCode()).isEqualTo(401);
        HttpResponse<String> back = u.submit(reauth, "/accounts/reauth/",
                Map.of("password", WebUser.PASSWORD, "next", keys));
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith(keys);
        HttpResponse<String> made = u.submit(keys, keys, Map.of("label", "deploy", "kind", "read-write"));
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("id=\"new-key-value\">vgw_");

        // the page only ever sends back to this site
        HttpResponse<String> away = u.submit(reauth, "/accounts/reauth/",
                Map.of("password", WebUser.PASSWORD, "next", "//evil.example/"));
        assertThat(away.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/settings/");
    }

    @Test
    void theSettingsPageListsSessionsAndLogsOutTheOthers() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        WebUser phone = new WebUser(vigil, u.email);
        HttpResponse<String> page = phone.get("/accounts/login/");
        HttpResponse<String> in = phone.post("/accounts/login/", Map.of("email", u.email, "password", WebUser.PASSWORD,
                "csrf", WebPagesIT.csrfOf(page.body())), Map.of("User-Agent", "PhoneBrowser/1.0 <b>"));
        assertThat(in.statusCode()).isEqualTo(303);
        String settings = u.get("/accounts/settings/").body();
        assertThat(settings).contains(u.email).contains("PhoneBrowser/1.0 &lt;b&gt;").contains("this session");
        Matcher revoke = Pattern.compile("action=\"(/accounts/settings/sessions/\\d+/revoke/)\"").matcher(settings);
        assertThat(revoke.find()).isTrue();

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.submit("/accounts/settings/", revoke.group(1), Map.of()).statusCode()).isEqualTo(404);
        assertThat(phone.get(u.dashboard()).statusCode()).as("a stranger cannot end it").isEqualTo(200);

        assertThat(u.submit("/accounts/settings/", "/accounts/settings/sessions/others/", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(phone.get(u.dashboard()).statusCode()).isEqualTo(303);
        assertThat(u.get(u.dashboard()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOne() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        String next = "another password " + UUID.randomUUID();
        HttpResponse<String> wrong = u.submit("/accounts/settings/", "/accounts/settings/password/",
                Map.of("current", "not it at all", "password", next));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(u.submit("/accounts/settings/", "/accounts/settings/password/",
                Map.of("current", WebUser.PASSWORD, "password", next)).statusCode()).isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, u.email), u.email, next).statusCode()).isEqualTo(303);
    }

    @Test
    void aSignUpMakesNoAccountUntilItsLinkIsUsedAndTheLinkWorksOnce() throws Exception {
        String email = "pending-" + UUID.randomUUID() + "@example.com";
        WebUser browser = new WebUser(vigil, email);
        HttpResponse<String> asked = browser.askToSignUp(email, WebUser.newAddress());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(notice(asked)).isEqualTo("We sent a link to " + email + " to finish signing up. It works once,"
                + " for 60 minutes.");
        assertThat(browser.cookie("vigil_session")).isNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT password_hash, expires - created FROM login_tokens WHERE purpose = 'signup' AND email = ?")) {
            st.setString(1, email);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a pending sign-up").isTrue();
                assertThat(rs.getString(1)).startsWith("pbkdf2_sha256$600000$").doesNotContain(WebUser.PASSWORD);
                assertThat(rs.getString(2)).isEqualTo("01:00:00");
            }
        }
        assertThat(logIn(new WebUser(vigil, email), email, WebUser.PASSWORD).statusCode()).isEqualTo(401);

        String link = linkIn(awaitMail(email, WebUser.SIGN_UP_SUBJECT), "/accounts/signup/");
        HttpResponse<String> page = browser.get(link);
        assertThat(page.statusCode()).as("opening the link uses nothing up").isEqualTo(200);
        assertThat(page.body()).contains("Create your Vigil account for " + email)
                .contains("<label for=\"password\">Enter the password you chose when you signed up</label>")
                .contains("<input type=\"password\" id=\"password\" name=\"password\"");
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();
        HttpResponse<String> made = browser.submit(link, link, Map.of("password", WebUser.PASSWORD));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(made.headers().firstValue("Location").orElseThrow()).matches(".*/projects/[0-9a-f-]{36}/checks/");
        assertThat(browser.get("/accounts/settings/").body()).contains("id=\"account-email\">" + email + "<");
        assertThat(logIn(new WebUser(vigil, email), email, WebUser.PASSWORD).statusCode())
                .as("the password chosen at sign-up").isEqualTo(303);

        WebUser second = new WebUser(vigil, email);
        HttpResponse<String> again = second.get(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains(GONE);
        assertThat(second.post(link, Map.of("csrf", csrfFor(second)), Map.of()).statusCode()).isEqualTo(410);
        assertThat(second.cookie("vigil_session")).isNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isEqualTo(1);
    }

    @Test
    void aSignUpForARegisteredAddressAnswersAlikeAndMailsThatItHasAnAccount() throws Exception {
        WebUser known = WebUser.signedUp(vigil);
        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        WebUser browser = new WebUser(vigil, fresh);
        HttpResponse<String> forFresh = browser.askToSignUp(fresh, WebUser.newAddress());
        HttpResponse<String> forKnown = browser.askToSignUp(known.email.toUpperCase(), "another password 123",
                WebUser.newAddress());
        assertThat(forKnown.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(200);
        assertThat(forKnown.body().replace(known.email, "ADDRESS"))
                .isEqualTo(forFresh.body().replace(fresh, "ADDRESS")).contains(WebUser.CHECK_INBOX);

        MimeMessage note = awaitMail(known.email, "Your Vigil account");
        String root = "http://127.0.0.1:" + vigil.app.port();
        assertThat(Mailbox.text(note)).contains("already has an account").contains(root + "/accounts/login/")
                .contains(root + "/accounts/reset/");
        awaitMail(fresh, WebUser.SIGN_UP_SUBJECT);
        assertThat(mailsTo(known.email).stream().filter(m -> WebUser.SIGN_UP_SUBJECT.equals(Mailbox.subject(m))))
                .as("only the link of its own sign-up").hasSize(1);
        assertThat(count("SELECT count(*) FROM login_tokens WHERE purpose = 'signup' AND email = '" + known.email
                + "'")).isZero();
        assertThat(logIn(new WebUser(vigil, known.email), known.email, WebUser.PASSWORD).statusCode())
                .as("the account is as it was").isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, known.email), known.email, "another password 123").statusCode())
                .isEqualTo(401);
    }

    @Test
    void aSecondSignUpReplacesThePendingOneAndAnExpiredLinkIsRefused() throws Exception {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        WebUser browser = new WebUser(vigil, email);
        browser.askToSignUp(email, "the first password", WebUser.newAddress());
        String first = linkIn(awaitMail(email, WebUser.SIGN_UP_SUBJECT), "/accounts/signup/");
        browser.askToSignUp(email, "the second password", WebUser.newAddress());
        Await.until(Duration.ofSeconds(30), () -> mailsTo(email).size() == 2, () -> "a second sign-up link");
        String second = linkIn(mailsTo(email).get(1), "/accounts/signup/");
        assertThat(second).isNotEqualTo(first);
        assertThat(browser.get(first).statusCode()).as("the replaced link").isEqualTo(410);

        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "UPDATE login_tokens SET expires = now() - interval '1 second' WHERE token_hash = ?")) {
            st.setBytes(1, sha256(second.replaceAll(".*/signup/([^/]+)/$", "$1")));
            assertThat(st.executeUpdate()).as("the token is stored by its hash").isEqualTo(1);
        }
        HttpResponse<String> expired = browser.get(second);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains(GONE).contains("href=\"/accounts/signup/\"");
        assertThat(browser.post(second, Map.of("csrf", csrfFor(browser)), Map.of()).statusCode()).isEqualTo(410);
        assertThat(browser.cookie("vigil_session")).isNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();

        browser.askToSignUp(email, "the third password", WebUser.newAddress());
        Await.until(Duration.ofSeconds(30), () -> mailsTo(email).size() == 3, () -> "a third sign-up link");
        String third = linkIn(mailsTo(email).get(2), "/accounts/signup/");
        assertThat(browser.submit(third, third, Map.of("password", "the third password")).statusCode())
                .isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, email), email, "the third password").statusCode()).isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, email), email, "the second password").statusCode()).isEqualTo(401);
    }

    @Test
    void aSignUpLinkWorksOnlyWithThePasswordOfItsOwnRequest() throws Exception {
        // the victim signs up; an attacker then signs the same address up with a password of their own, which
        // replaces the pending sign-up: the newest link, in the victim's inbox, is the attacker's request
        String email = "hijack-" + UUID.randomUUID() + "@example.com";
        WebUser victim = new WebUser(vigil, email);
        assertThat(victim.askToSignUp(email, "the victim's password", WebUser.newAddress()).statusCode())
                .isEqualTo(200);
        awaitMail(email, WebUser.SIGN_UP_SUBJECT);
        WebUser attacker = new WebUser(vigil, email);
        assertThat(attacker.askToSignUp(email, "the attacker's password", WebUser.newAddress()).statusCode())
                .isEqualTo(200);
        Await.until(Duration.ofSeconds(30), () -> mailsTo(email).size() == 2, () -> "the second sign-up link");
        String newest = linkIn(mailsTo(email).get(1), "/accounts/signup/");

        HttpResponse<String> refused = victim.submit(newest, newest, Map.of("password", "the victim's password"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That is not the password you chose at sign-up. Enter it again, or sign"
                + " up again to choose another.").contains("href=\"/accounts/signup/\"");
        assertThat(victim.cookie("vigil_session")).isNull();
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).as("no account").isZero();

        // the link is still there, and only its own request's password takes it
        assertThat(victim.get(newest).statusCode()).isEqualTo(200);
        HttpResponse<String> made = attacker.submit(newest, newest, Map.of("password", "the attacker's password"));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, email), email, "the attacker's password").statusCode()).isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, email), email, "the victim's password").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordOnTheSignUpLinkKeepsTheLinkUsable() throws Exception {
        String email = "retry-" + UUID.randomUUID() + "@example.com";
        WebUser browser = new WebUser(vigil, email);
        assertThat(browser.askToSignUp(email, WebUser.newAddress()).statusCode()).isEqualTo(200);
        for (String wrong : new String[] {"not the password at all", ""}) {
            HttpResponse<String> refused = browser.followSignUpLink(wrong);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("That is not the password you chose at sign-up.")
                    .contains("Create your Vigil account for " + email)
                    .contains("<label for=\"password\">Enter the password you chose when you signed up</label>");
            assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        assertThat(count("SELECT count(*) FROM login_tokens WHERE purpose = 'signup' AND email = '" + email + "'"))
                .as("the pending sign-up stays").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + email + "'")).isZero();

        HttpResponse<String> made = browser.followSignUpLink();
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(browser.get("/accounts/settings/").body()).contains("id=\"account-email\">" + email + "<");
    }

    @Test
    void anEmailChangeNeedsThePasswordAgainAndTakesEffectOnlyThroughTheLink() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        WebUser taken = WebUser.signedUp(vigil);
        String changed = "changed-" + UUID.randomUUID() + "@example.com";
        staleReauthentication(u);
        HttpResponse<String> asked = u.submit("/accounts/settings/", "/accounts/settings/email/",
                Map.of("email", changed));
        assertThat(asked.headers().firstValue("Location").orElseThrow()).contains("/accounts/reauth/");
        u.submit("/accounts/reauth/", "/accounts/reauth/", Map.of("password", WebUser.PASSWORD));

        // an address in use: the same answer and the same pending change on the page, but no email to it
        HttpResponse<String> inUse = u.submit("/accounts/settings/", "/accounts/settings/email/",
                Map.of("email", taken.email.toUpperCase()));
        assertThat(inUse.statusCode()).isEqualTo(303);
        assertThat(inUse.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/settings/?done=email");
        String pendingTaken = pendingEmail(u.get("/accounts/settings/?done=email").body())
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "TIME");
        assertThat(pendingTaken).contains(taken.email);

        HttpResponse<String> done = u.submit("/accounts/settings/", "/accounts/settings/email/",
                Map.of("email", changed));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/accounts/settings/?done=email");
        String settings = u.get("/accounts/settings/?done=email").body();
        assertThat(settings).contains("id=\"account-email\">" + u.email + "<")
                .contains("We sent a link to the new address");
        assertThat(pendingEmail(settings).replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", "TIME")
                .replace(changed, "ADDRESS"))
                .as("a taken address shows alike").isEqualTo(pendingTaken.replace(taken.email, "ADDRESS"));
        assertThat(logIn(new WebUser(vigil, changed), changed, WebUser.PASSWORD).statusCode())
                .as("nothing changed yet").isEqualTo(401);

        // a login link sent to the old address before the change stops working with it
        WebUser old = new WebUser(vigil, u.email);
        ask(old, "/accounts/login/link/", u.email);
        String loginLink = linkIn(awaitMail(u.email, "Your Vigil login link"), "/accounts/login/link/");

        String link = linkIn(awaitMail(changed, "Confirm your new Vigil email"), "/accounts/email/");
        // one sender thread, in order: the taken address's email would have gone out before this one
        assertThat(mailsTo(taken.email).stream().map(Mailbox::subject)).containsExactly(WebUser.SIGN_UP_SUBJECT);
        WebUser elsewhere = new WebUser(vigil, changed); // the link works in any browser: it proves the address
        HttpResponse<String> page = elsewhere.get(link);
        assertThat(page.statusCode()).as("opening the link changes nothing").isEqualTo(200);
        assertThat(page.body()).contains("Make " + changed + " the email of your Vigil account.");
        assertThat(logIn(new WebUser(vigil, u.email), u.email, WebUser.PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> confirmed = elsewhere.submit(link, link, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(notice(confirmed)).contains("is now " + changed);

        assertThat(u.get("/accounts/settings/").body()).contains("id=\"account-email\">" + changed + "<")
                .doesNotContain("id=\"pending-email\"");
        assertThat(logIn(new WebUser(vigil, changed), changed, WebUser.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(logIn(new WebUser(vigil, u.email), u.email, WebUser.PASSWORD).statusCode()).isEqualTo(401);
        MimeMessage notice = awaitMail(u.email, "Your Vigil email was changed");
        assertThat(Mailbox.text(notice)).contains("changed from " + u.email + " to " + changed);
        assertThat(elsewhere.get(link).statusCode()).as("the link works once").isEqualTo(410);
        assertThat(old.get(loginLink).statusCode()).isEqualTo(410);
    }

    /**
     * A double-submitted email change: the other request's pending change is written but not committed when this
     * one writes its own, so this one waits on the unique index (one pending change per user) and then finds it
     * taken. It answers as if it had made the change, not with an error.
     */
    @Test
    void anEmailChangeAskedTwiceAtOnceAnswersAsOne() throws Exception {
        WebUser u = WebUser.signedUp(vigil); // the sign-up has just proved the password
        String changed = "twice-" + UUID.randomUUID() + "@example.com";
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (Connection other = vigil.database.connect(); Connection watch = vigil.database.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement st = other.prepareStatement("INSERT INTO login_tokens (user_id, purpose,"
                    + " token_hash, expires, email) SELECT id, 'email', ?, now() + interval '1 hour', ? FROM users"
                    + " WHERE email = ?")) {
                st.setBytes(1, sha256(UUID.randomUUID().toString()));
                st.setString(2, changed);
                st.setString(3, u.email);
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
            int otherPid;
            try (PreparedStatement st = other.prepareStatement("SELECT pg_backend_pid()");
                 java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                otherPid = rs.getInt(1);
            }
            Future<HttpResponse<String>> asked = background.submit(() -> u.submit("/accounts/settings/",
                    "/accounts/settings/email/", Map.of("email", changed)));
            Await.until(Duration.ofSeconds(30), () -> blocks(watch, otherPid),
                    () -> "the app's request waiting on the other request's pending change");
            other.commit();
            HttpResponse<String> answer = asked.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
            assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .endsWith("/accounts/settings/?done=email");
        } finally {
            background.shutdownNow();
        }
        assertThat(pendingEmail(u.get("/accounts/settings/?done=email").body())).contains(changed);
        assertThat(count("SELECT count(*) FROM login_tokens t JOIN users u ON u.id = t.user_id WHERE t.purpose ="
                + " 'email' AND u.email = '" + u.email + "'")).isEqualTo(1);
    }

    @Test
    void totpEnrolmentThenLoginNeedsACodeAndARecoveryCodeWorksOnce() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> enrol = u.submit("/accounts/settings/", "/accounts/settings/totp/", Map.of());
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.body()).contains("<svg").contains("otpauth://totp/Vigil").doesNotContain("<script")
                .doesNotContain("<img");
        Matcher s = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<").matcher(enrol.body());
        assertThat(s.find()).isTrue();
        byte[] secret = base32(s.group(1));
        assertThat(secret).hasSize(20);

        String wrong = otherThan(Totp.code(secret, Totp.step(Instant.now()), 6));
        HttpResponse<String> refused = u.post("/accounts/settings/totp/confirm/",
                Map.of("code", wrong, "csrf", WebPagesIT.csrfOf(enrol.body())), Map.of());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That code is not right.").contains("<svg");
        HttpResponse<String> confirmed = u.post("/accounts/settings/totp/confirm/", Map.of("code",
                Totp.code(secret, Totp.step(Instant.now()), 6), "csrf", WebPagesIT.csrfOf(enrol.body())), Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        Matcher rc = Pattern.compile("<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>").matcher(confirmed.body());
        while (rc.find()) {
            recovery.add(rc.group(1));
        }
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(u.get("/accounts/settings/").body()).contains("id=\"totp-state\">On");

        // the password alone is not enough any more
        WebUser browser = new WebUser(vigil, u.email);
        HttpResponse<String> first = logIn(browser, u.email, WebUser.PASSWORD);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(browser.cookie("vigil_session")).isNull();
        assertThat(browser.get(u.dashboard()).statusCode()).isEqualTo(303);
        HttpResponse<String> badCode = code(browser, first, otherThan(Totp.code(secret, Totp.step(Instant.now()), 6)));
        assertThat(badCode.statusCode()).isEqualTo(401);
        assertThat(browser.cookie("vigil_session")).isNull();
        // the step after the confirmation's (accepted one step ahead), which nobody used yet
        String good = Totp.code(secret, Totp.step(Instant.now()) + 1, 6);
        HttpResponse<String> in = code(browser, badCode, good);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(browser.get(u.dashboard()).statusCode()).isEqualTo(200);

        WebUser replay = new WebUser(vigil, u.email);
        HttpResponse<String> again = logIn(replay, u.email, WebUser.PASSWORD);
        assertThat(code(replay, again, good).statusCode()).as("a used code is not taken twice").isEqualTo(401);
        assertThat(code(replay, again, recovery.get(3).toUpperCase()).statusCode()).isEqualTo(303);
        assertThat(replay.get(u.dashboard()).statusCode()).isEqualTo(200);

        WebUser thief = new WebUser(vigil, u.email);
        HttpResponse<String> third = logIn(thief, u.email, WebUser.PASSWORD);
        assertThat(code(thief, third, recovery.get(3)).statusCode()).as("a recovery code works once").isEqualTo(401);
        assertThat(thief.cookie("vigil_session")).isNull();

        // turning it off needs the password again
        staleReauthentication(u);
        HttpResponse<String> off = u.submit("/accounts/settings/", "/accounts/settings/totp/disable/", Map.of());
        assertThat(off.statusCode()).isEqualTo(303);
        assertThat(off.headers().firstValue("Location").orElseThrow()).contains("/accounts/reauth/");
        assertThat(u.get("/accounts/settings/").body()).contains("id=\"totp-state\">On");
    }

    @Test
    void deletingTheAccountDeletesItsProjectWithChecksPingsChannelsAndStoredBodies() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "doomed"));
        UUID check = UUID.fromString(WebPagesIT.firstCheck(u.get(u.dashboard()).body()));
        byte[] large = new byte[SharedVigil.BODY_THRESHOLD + 1];
        Arrays.fill(large, (byte) 'x');
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check))
                .POST(HttpRequest.BodyPublishers.ofByteArray(large))).statusCode()).isEqualTo(200);
        vigil.objects.awaitObject(dev.vigil.app.bodies.ObjectKeys.key(check, 1));
        String keys = "/projects/" + u.project + "/keys/";
        Matcher key = Pattern.compile("id=\"new-key-value\">(vgw_[A-Za-z0-9]+)<").matcher(
                u.submit(keys, keys, Map.of("label", "for a channel", "kind", "read-write")).body());
        assertThat(key.find()).isTrue();
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/channels/"))
                .header("X-Api-Key", key.group(1)).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\": \"email\", \"name\": \"ops\", \"settings\": {\"address\": \"ops@example.com\"}}")))
                .statusCode()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM channels WHERE project_id = '" + u.project + "'")).isEqualTo(1);

        WebUser other = WebUser.signedUp(vigil); // someone else's project stays as it is
        other.submit(other.dashboard(), other.dashboard(), Map.of("name", "survivor"));

        assertThat(u.submit("/accounts/settings/", "/accounts/settings/delete/", Map.of()).statusCode())
                .as("without the confirmation box").isEqualTo(400);
        staleReauthentication(u);
        HttpResponse<String> asked = u.submit("/accounts/settings/", "/accounts/settings/delete/",
                Map.of("confirm", "yes"));
        assertThat(asked.headers().firstValue("Location").orElseThrow()).contains("/accounts/reauth/");
        assertThat(count("SELECT count(*) FROM users WHERE email = '" + u.email + "'")).isEqualTo(1);
        u.submit("/accounts/reauth/", "/accounts/reauth/", Map.of("password", WebUser.PASSWORD));
        HttpResponse<String> gone = u.submit("/accounts/settings/", "/accounts/settings/delete/",
                Map.of("confirm", "yes"));
        assertThat(gone.statusCode()).isEqualTo(303);

        assertThat(count("SELECT count(*) FROM users WHERE email = '" + u.email + "'")).isZero();
        assertThat(count("SELECT count(*) FROM projects WHERE id = '" + u.project + "'")).isZero();
        assertThat(count("SELECT count(*) FROM checks WHERE id = '" + check + "'")).isZero();
        assertThat(count("SELECT count(*) FROM pings WHERE check_id = '" + check + "'")).isZero();
        assertThat(count("SELECT count(*) FROM flips WHERE check_id = '" + check + "'")).isZero();
        assertThat(count("SELECT count(*) FROM channels WHERE project_id = '" + u.project + "'")).isZero();
        Await.until(Duration.ofSeconds(30), () -> vigil.objects.keys(check + "/").isEmpty(),
                () -> "objects of the deleted account's check: " + vigil.objects.keys(check + "/"));
        assertThat(logIn(new WebUser(vigil, u.email), u.email, WebUser.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(other.get(other.dashboard()).body()).contains("survivor");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Posts an email to a link-request form from an address of this test's own, clear of other tests' limits. */
    @Test
    void expiredSessionsAndLinksAreDeletedAsNewOnesAreMadeAndLiveOnesStay() throws Exception {
        WebUser old = WebUser.signedUp(vigil);
        String user = "(SELECT id FROM users WHERE email = '" + old.email + "')";
        try (Connection c = vigil.database.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("INSERT INTO sessions (user_id, token_hash, expires) SELECT " + user
                    + ", sha256(gen_random_uuid()::text::bytea), now() - interval '1 minute'");
            st.execute("INSERT INTO login_tokens (user_id, purpose, token_hash, expires) SELECT " + user
                    + ", 'reset', sha256(gen_random_uuid()::text::bytea), now() - interval '1 minute'");
        }
        String expired = " WHERE user_id = " + user + " AND expires < now()";
        assertThat(count("SELECT count(*) FROM sessions" + expired)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM login_tokens" + expired)).isEqualTo(1);

        WebUser.signedUp(vigil); // someone else's sign-up link, then their session
        assertThat(count("SELECT count(*) FROM sessions" + expired)).as("the expired session").isZero();
        assertThat(count("SELECT count(*) FROM login_tokens" + expired)).as("the expired link").isZero();
        assertThat(old.get(old.dashboard()).statusCode()).as("the live session stays").isEqualTo(200);
    }

    private static HttpResponse<String> ask(WebUser browser, String form, String email) throws IOException {
        HttpResponse<String> page = browser.get(form);
        return browser.post(form, Map.of("email", email, "csrf", WebPagesIT.csrfOf(page.body())),
                Map.of("X-Forwarded-For", "198.51.100." + (1 + Math.floorMod(email.hashCode(), 250))));
    }

    private static HttpResponse<String> logIn(WebUser browser, String email, String password) throws IOException {
        HttpResponse<String> page = browser.get("/accounts/login/");
        return browser.post("/accounts/login/", Map.of("email", email, "password", password,
                "csrf", WebPagesIT.csrfOf(page.body())), WebUser.newAddress()); // under the failures per address
    }

    /** Posts a code to the second step, with the pending token of the page it is on. */
    private static HttpResponse<String> code(WebUser browser, HttpResponse<String> stepPage, String code)
            throws IOException {
        Matcher m = Pattern.compile("name=\"pending\" value=\"([^\"]+)\"").matcher(stepPage.body());
        assertThat(m.find()).as("a second-step form in %s", stepPage.body()).isTrue();
        return browser.post("/accounts/login/code/", Map.of("pending", m.group(1), "code", code,
                "csrf", WebPagesIT.csrfOf(stepPage.body())), Map.of());
    }

    /** Whether a statement of another session waits on the session of backend {@code pid}. */
    private static boolean blocks(Connection watch, int pid) {
        try (PreparedStatement st = watch.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
            st.setInt(1, pid);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the user's re-authentication windows, as five minutes would. */
    private static void staleReauthentication(WebUser u) throws Exception {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "UPDATE sessions SET reauth_until = now() - interval '1 second'"
                        + " WHERE user_id = (SELECT id FROM users WHERE email = ?)")) {
            st.setString(1, u.email);
            assertThat(st.executeUpdate()).isPositive();
        }
    }

    /** The browser's CSRF token, from a page that has a form. */
    private static String csrfFor(WebUser browser) throws IOException {
        return WebPagesIT.csrfOf(browser.get("/accounts/login/").body());
    }

    private static long count(String sql) throws Exception {
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(sql);
             java.sql.ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String pendingEmail(String settingsPage) {
        Matcher m = Pattern.compile("<p id=\"pending-email\">(.*?)</p>", Pattern.DOTALL).matcher(settingsPage);
        assertThat(m.find()).as("a pending email change on %s", settingsPage).isTrue();
        return m.group(1);
    }

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String notice(HttpResponse<String> page) {
        Matcher m = Pattern.compile("id=\"form-notice\">([^<]*)<").matcher(page.body());
        assertThat(m.find()).as("a notice on %s", page.body()).isTrue();
        return m.group(1);
    }

    private static MimeMessage awaitMail(String to, String subject) {
        return Mailbox.await(vigil, to, subject::equals, "an email \"" + subject + "\"");
    }

    private static List<MimeMessage> mailsTo(String to) {
        return Mailbox.to(vigil, to);
    }

    /** The path of the site link in the email's text part that starts with {@code prefix}. */
    private static String linkIn(MimeMessage m, String prefix) {
        return WebUser.sitePath(vigil, Mailbox.tokenLink(m, prefix));
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
