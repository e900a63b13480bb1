package dev.vigil.app.it;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the web pages' HTTP-level tests: its own cookie jar, no redirects followed, and
 * forms posted with the CSRF token read from the page the form is on.
 */
final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final String PASSWORD = "correct horse battery staple";
    static final String SIGN_UP_SUBJECT = "Finish signing up for Vigil";
    /** The sign-up form's one answer, whether the address has an account or not. */
    static final String CHECK_INBOX = "to finish signing up.";
    private static final java.util.concurrent.atomic.AtomicInteger SIGN_UPS = new java.util.concurrent.atomic.AtomicInteger();

    final VigilProcess app;
    /** The SMTP server that app's mail goes to. */
    final GreenMail mail;
    final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    final String email;
    /** The project sign-up created. */
    UUID project;

    WebUser(SharedVigil vigil, String email) {
        this(vigil.app, vigil.mail, email);
    }

    /** A browser of another app than the shared one (one with settings of its own), whose mail goes to {@code mail}. */
    WebUser(VigilProcess app, GreenMail mail, String email) {
        this.app = app;
        this.mail = mail;
        this.email = email;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * A new user, signed up as a person does: the sign-up form, then the link the app mails to the address
     * (caught by the shared app's SMTP server). Its session is on, and {@link #project} is its first project.
     */
    static WebUser signedUp(SharedVigil vigil) throws IOException {
        return signedUp(vigil.app, vigil.mail);
    }

    static WebUser signedUp(VigilProcess app, GreenMail mail) throws IOException {
        WebUser u = new WebUser(app, mail, "web-" + UUID.randomUUID() + "@example.com");
        HttpResponse<String> asked = u.askToSignUp(u.email, newAddress());
        if (asked.statusCode() != 200 || !asked.body().contains(CHECK_INBOX)) {
            throw new AssertionError("sign-up answered " + asked.statusCode() + ": " + asked.body());
        }
        HttpResponse<String> r = u.followSignUpLink();
        if (r.statusCode() != 303) {
            throw new AssertionError("the sign-up link answered " + r.statusCode() + ": " + r.body());
        }
        String to = r.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/projects/([0-9a-f-]{36})/checks/").matcher(to);
        if (!m.find()) {
            throw new AssertionError("sign-up went to " + to);
        }
        u.project = UUID.fromString(m.group(1));
        return u;
    }

    /**
     * A client address of its own (through the trusted proxy 127.0.0.1), so that the whole suite's sign-ups stay
     * under the limits per address that WebPagesIT tests on purpose.
     */
    static Map<String, String> newAddress() {
        int n = SIGN_UPS.getAndIncrement();
        return Map.of("X-Forwarded-For", "100.64." + (n / 250) % 256 + "." + (1 + n % 250));
    }

    /** Posts the sign-up form for {@code address} with {@link #PASSWORD} and the page's CSRF token. */
    HttpResponse<String> askToSignUp(String address, Map<String, String> headers) throws IOException {
        return askToSignUp(address, PASSWORD, headers);
    }

    HttpResponse<String> askToSignUp(String address, String password, Map<String, String> headers)
            throws IOException {
        Matcher csrf = CSRF.matcher(get("/accounts/signup/").body());
        if (!csrf.find()) {
            throw new AssertionError("the sign-up page has no CSRF field");
        }
        return post("/accounts/signup/", Map.of("email", address, "password", password, "csrf", csrf.group(1)),
                headers);
    }

    /**
     * Opens the newest sign-up link mailed to {@link #email}, enters {@link #PASSWORD} (the one chosen at sign-up)
     * and presses its button: the answer to that.
     */
    HttpResponse<String> followSignUpLink() throws IOException {
        return followSignUpLink(PASSWORD);
    }

    HttpResponse<String> followSignUpLink(String password) throws IOException {
        String link = sitePath(app, Mailbox.tokenLink(Mailbox.await(mail, email, SIGN_UP_SUBJECT::equals,
                "the sign-up link"), "/accounts/signup/"));
        return submit(link, link, Map.of("password", password));
    }

    /** The path of one of the shared app's own links, which must lead to it. */
    static String sitePath(SharedVigil vigil, String link) {
        return sitePath(vigil.app, link);
    }

    /** The path of a link of {@code app}'s, whose site root is 127.0.0.1 or localhost on its port. */
    static String sitePath(VigilProcess app, String link) {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String root = "http://" + host + ":" + app.port();
            if (link.startsWith(root + "/")) {
                return link.substring(root.length());
            }
        }
        throw new AssertionError(link + " does not lead to the app on port " + app.port());
    }


    String dashboard() {
        return "/projects/" + project + "/checks/";
    }

    HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(app.uri(path)).GET());
    }

    /** GETs {@code pagePath}, then posts {@code fields} and the page's CSRF token to {@code action}. */
    HttpResponse<String> submit(String pagePath, String action, Map<String, String> fields) throws IOException {
        HttpResponse<String> page = get(pagePath);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError(pagePath + " has no CSRF field: " + page.statusCode() + " " + page.body());
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", m.group(1));
        return post(action, all, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        headers.forEach(b::header);
        return send(b);
    }

    HttpCookie cookie(String name) {
        return cookies.getCookieStore().get(URI.create("http://127.0.0.1:" + app.port() + "/")).stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
        try {
            return http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
