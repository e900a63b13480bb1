package dev.vigil.app.it;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.app.web.ChannelForms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrations pages over HTTP on the shared app: every kind's form refuses a bad value with the kind's own
 * message and stores nothing; a webhook is added, tested (its loopback receiver gets exactly the one request),
 * edited without its secret, given checks and deleted; read-only members and other projects change nothing.
 */
class IntegrationPagesIT {

    private static final String SECRET = "whsec-" + UUID.randomUUID();
    private static final Pattern CHANNEL_ROW = Pattern.compile("id=\"channel-([0-9a-f-]{36})\"");

    private static SharedVigil vigil;
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String method, String path, String body, String signature) {
    }

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    ex.getRequestHeaders().getFirst("X-Vigil-Signature")));
            ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/broken") ? 500 : 200, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    @BeforeEach
    void forget() {
        received.clear();
    }

    private static String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook" + path;
    }

    private static String integrations(WebUser u) {
        return "/projects/" + u.project + "/integrations/";
    }

    @Test
    void everyKindRefusesABadValueWithItsOwnMessageAndStoresNothing() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> list = u.get(integrations(u));
        assertThat(list.statusCode()).isEqualTo(200);
        for (ChannelForms.KindForm kind : ChannelForms.all()) {
            assertThat(list.body()).contains("id=\"add-" + kind.kind() + "\"");
            String add = integrations(u) + "add/" + kind.kind() + "/";
            assertThat(u.get(add).statusCode()).isEqualTo(200);
            // nothing filled in: every kind has something it requires
            HttpResponse<String> empty = u.submit(add, add, Map.of("name", "empty " + kind.kind()));
            assertThat(empty.statusCode()).as(kind.kind()).isEqualTo(400);
            assertThat(empty.body()).as(kind.kind()).contains("id=\"form-error\"").contains("invalid channel: settings.")
                    .contains("required");
        }
        Map<String, Map<String, String>> bad = Map.of(
                "email", Map.of("s.address", "not-an-address"),
                "slack", Map.of("s.url", "ftp://hooks.example.com/x"),
                "ntfy", Map.of("s.topic", "alerts", "s.priority_down", "loud"),
                "pushover", Map.of("s.user_key", "u".repeat(30), "s.priority_up", "7"),
                "webhook", Map.of("s.down.url", hook("/x"), "s.down.headers", "no colon here"),
                "matrix", Map.of("s.homeserver", "https://matrix.example.org", "s.room_id", "#alias:example.org",
                        "s.access_token", "tok"));
        Map<String, String> expected = Map.of(
                "email", "settings.address is not a valid email address",
                "slack", "settings.url must be an http:// or https:// URL",
                "ntfy", "settings.priority_down must be a whole number",
                "pushover", "settings.priority_up must be between -2 and 2 (got 7)",
                "webhook", "line 1 is not",
                "matrix", "settings.room_id must be the room's ID");
        for (Map.Entry<String, Map<String, String>> b : bad.entrySet()) {
            String add = integrations(u) + "add/" + b.getKey() + "/";
            HttpResponse<String> r = u.submit(add, add, b.getValue());
            assertThat(r.statusCode()).as(b.getKey()).isEqualTo(400);
            assertThat(r.body()).as(b.getKey()).contains(expected.get(b.getKey()));
        }
        assertThat(channelCount(u.project)).isZero();
        assertThat(u.get(integrations(u) + "add/fax/").statusCode()).isEqualTo(404);
    }

    @Test
    void aWebhookIsAddedTestedThroughItsReceiverEditedAssignedAndDeleted() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "nightly backup"));
        String add = integrations(u) + "add/webhook/";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "ops hook");
        form.put("s.down.method", "POST");
        form.put("s.down.url", hook("/down"));
        form.put("s.down.headers", "Content-Type: application/json");
        form.put("s.down.body", "{\"check\": \"$NAME\", \"status\": \"$STATUS\"}");
        form.put("s.up.method", "GET");
        form.put("s.secret", SECRET);
        HttpResponse<String> added = u.submit(add, add, form);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(integrations(u));

        HttpResponse<String> list = u.get(integrations(u));
        String channel = onlyChannel(list.body());
        assertThat(list.body()).contains("ops hook").contains("Webhook").contains(hook("/down"))
                .doesNotContain(SECRET).contains("••••" + SECRET.substring(SECRET.length() - 4));
        assertThat(list.body()).contains("no checks");

        // the test goes out through the channel, once, and the page shows how it ended
        HttpResponse<String> tested = u.submit(integrations(u), integrations(u) + channel + "/test/", Map.of());
        assertThat(tested.statusCode()).isEqualTo(303);
        assertThat(received).hasSize(1);
        Received got = received.get(0);
        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.path()).isEqualTo("/hook/down");
        assertThat(got.body()).isEqualTo("{\"check\": \"Test notification\", \"status\": \"down\"}");
        assertThat(got.signature()).startsWith("v1=");
        HttpResponse<String> after = u.get(location(tested));
        assertThat(after.body()).contains("id=\"notice\"").contains("The test notification through "
                + "\"ops hook\" was sent.");
        assertThat(lastTest(after.body())).startsWith("sent just now");

        // edited without retyping the secret: the secret stays, and is not in the form
        String edit = integrations(u) + channel + "/edit/";
        HttpResponse<String> editPage = u.get(edit);
        assertThat(editPage.statusCode()).isEqualTo(200);
        assertThat(editPage.body()).doesNotContain(SECRET).contains("set; leave empty to keep it")
                .contains(hook("/down"));
        form.put("s.down.url", hook("/broken"));
        form.put("s.secret", "");
        assertThat(u.submit(edit, edit, form).statusCode()).isEqualTo(303);
        assertThat(settings(channel)).contains(SECRET).contains("/hook/broken");
        HttpResponse<String> failed = u.get(location(u.submit(integrations(u), integrations(u) + channel + "/test/",
                Map.of())));
        assertThat(failed.body()).contains("id=\"form-error\"").contains("was not delivered: HTTP 500");
        assertThat(lastTest(failed.body())).startsWith("failed just now").contains("HTTP 500");
        assertThat(received).hasSize(2);
        // a bad edit is refused with the API's message and changes nothing
        form.put("s.secret", "short");
        HttpResponse<String> refused = u.submit(edit, edit, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("settings.secret must be 16 to 256 printable characters")
                .doesNotContain("value=\"short\"");
        assertThat(settings(channel)).contains(SECRET);

        // disabled by a delivery (a 410): the edit form says why and enables it again
        sql("UPDATE channels SET disabled = true, disabled_reason = 'disabled after a delivery: HTTP 410' WHERE id = '"
                + channel + "'");
        assertThat(u.get(integrations(u)).body()).contains("<span class=\"tag\">disabled</span>");
        assertThat(u.get(edit).body()).contains("This integration is disabled: disabled after a delivery: HTTP 410");
        form.put("s.secret", "");
        assertThat(u.submit(edit, edit, form).statusCode()).isEqualTo(303);
        assertThat(value("SELECT disabled FROM channels WHERE id = '" + channel + "'")).isEqualTo("t");
        form.put("enable", "1");
        assertThat(u.submit(edit, edit, form).statusCode()).isEqualTo(303);
        assertThat(value("SELECT disabled::text || disabled_reason FROM channels WHERE id = '" + channel + "'"))
                .isEqualTo("false");
        assertThat(settings(channel)).contains(SECRET);

        // checks that use it, ticked and unticked
        String check = value("SELECT id FROM checks WHERE project_id = '" + u.project + "'");
        assertThat(u.submit(edit, integrations(u) + channel + "/checks/", Map.of("check", check)).statusCode())
                .isEqualTo(303);
        assertThat(value("SELECT count(*) FROM check_channels WHERE channel_id = '" + channel + "'")).isEqualTo("1");
        assertThat(u.get(integrations(u)).body()).contains("<span class=\"tag\">nightly backup</span>");
        assertThat(u.get(edit).body()).containsPattern("id=\"use-" + check + "\" checked");
        assertThat(u.submit(edit, integrations(u) + channel + "/checks/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(value("SELECT count(*) FROM check_channels WHERE channel_id = '" + channel + "'")).isEqualTo("0");

        // deleted after a confirmation page
        String delete = integrations(u) + channel + "/delete/";
        assertThat(u.get(delete).body()).contains("Delete this Webhook integration?").contains("id=\"confirm-delete\"");
        assertThat(u.submit(delete, delete, Map.of()).statusCode()).isEqualTo(303);
        assertThat(channelCount(u.project)).isZero();
        assertThat(u.get(edit).statusCode()).isEqualTo(404);
    }

    @Test
    void readOnlyMembersSeeButCannotChangeAndOtherProjectsChannelsAreNotFound() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        String add = integrations(owner) + "add/webhook/";
        assertThat(owner.submit(add, add, Map.of("name", "owner hook", "s.down.url", hook("/owner"),
                "s.secret", SECRET)).statusCode()).isEqualTo(303);
        String channel = onlyChannel(owner.get(integrations(owner)).body());

        WebUser reader = WebUser.signedUp(vigil);
        addMember(owner.project, reader.email, "ro", vigil);
        HttpResponse<String> seen = reader.get(integrations(owner));
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.body()).contains("owner hook").doesNotContain(SECRET).doesNotContain("Send a test")
                .doesNotContain("id=\"add-webhook\"");
        assertThat(reader.get(add).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = reader.submit(integrations(owner), add,
                Map.of("name", "reader hook", "s.down.url", hook("/reader")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Read-only members cannot change integrations.");
        assertThat(reader.submit(integrations(owner), integrations(owner) + channel + "/test/", Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(reader.submit(integrations(owner), integrations(owner) + channel + "/delete/", Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(channelCount(owner.project)).isEqualTo(1);
        assertThat(received).isEmpty();

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(integrations(owner)).statusCode()).isEqualTo(404);
        String theirs = integrations(stranger) + channel;
        assertThat(stranger.get(theirs + "/edit/").statusCode()).isEqualTo(404);
        assertThat(stranger.get(theirs + "/delete/").statusCode()).isEqualTo(404);
        assertThat(stranger.submit(integrations(stranger), theirs + "/test/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.submit(integrations(stranger), theirs + "/delete/", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(stranger.submit(integrations(stranger), theirs + "/edit/", Map.of("s.down.url", hook("/x")))
                .statusCode()).isEqualTo(404);
        assertThat(stranger.get(integrations(stranger) + "not-a-uuid/edit/").statusCode()).isEqualTo(404);
        assertThat(channelCount(owner.project)).isEqualTo(1);
        assertThat(received).isEmpty();
        // signed out: the login page
        assertThat(new WebUser(vigil, "n@example.com").get(integrations(owner)).statusCode()).isEqualTo(303);
    }

    /** Where a 303 sends the browser, as a path on the app. */
    private static String location(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String to = r.headers().firstValue("Location").orElseThrow();
        return to.substring(to.indexOf("/projects/"));
    }

    private static String onlyChannel(String html) {
        Matcher m = CHANNEL_ROW.matcher(html);
        assertThat(m.find()).as("a channel row in " + html).isTrue();
        String id = m.group(1);
        assertThat(m.find()).isFalse();
        return id;
    }

    private static String lastTest(String html) {
        Matcher m = Pattern.compile("<td class=\"last-test\"><span class=\"[a-z]*\">([^<]*)</span>").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    private static long channelCount(UUID project) throws SQLException {
        return Long.parseLong(value("SELECT count(*) FROM channels WHERE project_id = '" + project + "'"));
    }

    private static String settings(String channel) throws SQLException {
        return value("SELECT settings::text FROM channels WHERE id = '" + channel + "'");
    }

    /** Makes the user a member of the project (the pages cannot invite yet). */
    static void addMember(UUID project, String email, String role, SharedVigil app) throws SQLException {
        try (Connection c = app.database.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO project_members (project_id, user_id, role) SELECT ?, id, ? FROM users WHERE email = ?")) {
            st.setObject(1, project);
            st.setString(2, role);
            st.setString(3, email);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = vigil.database.connect()) {
            c.createStatement().execute(statement);
        }
    }

    private static String value(String query) throws SQLException {
        try (Connection c = vigil.database.connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
