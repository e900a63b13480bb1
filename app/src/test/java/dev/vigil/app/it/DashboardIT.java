package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's filters and sorts (plain query strings, no script) and its bulk form (one CSRF-carrying POST for
 * the selected checks), refused for read-only members and 404 for another project's checks.
 */
class DashboardIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void filtersAndSortsAreQueryParametersAndTheRefreshStillAnswers() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        UUID backup = create(u, "Backup", "prod db");
        UUID report = create(u, "report", "prod");
        UUID adhoc = create(u, "ad hoc <x>", "");
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + report + "/fail"))).statusCode())
                .isEqualTo(200);
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + backup))).statusCode())
                .isEqualTo(200);

        assertThat(rows(u.get(u.dashboard()).body())).containsExactly(backup, report, adhoc);
        assertThat(rows(u.get(u.dashboard() + "?tag=prod").body())).containsExactly(backup, report);
        assertThat(rows(u.get(u.dashboard() + "?tag=prod&tag=db").body())).containsExactly(backup);
        assertThat(rows(u.get(u.dashboard() + "?status=down").body())).containsExactly(report);
        assertThat(rows(u.get(u.dashboard() + "?q=BACK").body())).containsExactly(backup);
        assertThat(rows(u.get(u.dashboard() + "?q=" + adhoc.toString().substring(0, 13)).body()))
                .containsExactly(adhoc);
        assertThat(rows(u.get(u.dashboard() + "?sort=name").body())).containsExactly(adhoc, backup, report);
        assertThat(rows(u.get(u.dashboard() + "?sort=-name").body())).containsExactly(report, backup, adhoc);
        assertThat(rows(u.get(u.dashboard() + "?sort=status").body())).containsExactly(report, backup, adhoc);
        assertThat(rows(u.get(u.dashboard() + "?sort=last_ping").body())).containsExactly(backup, report, adhoc);
        // nonsense is ignored, and user text stays text
        HttpResponse<String> odd = u.get(u.dashboard() + "?status=%3Cb%3E&sort=drop&q=%3Cscript%3E");
        assertThat(odd.statusCode()).isEqualTo(200);
        assertThat(odd.body()).contains("id=\"no-matches\"").contains("value=\"&lt;script>\"")
                .doesNotContain("<script>");

        String page = u.get(u.dashboard() + "?status=down&sort=name").body();
        assertThat(page).contains("href=\"" + u.dashboard() + "?tag=prod&amp;status=down&amp;sort=name\"")
                .contains("<option value=\"down\" selected>").contains("<option value=\"name\" selected>")
                .contains("name=\"back\" value=\"?status=down&amp;sort=name\"")
                .contains("data-status-url=\"/projects/" + u.project + "/checks/status.json\"");
        HttpResponse<String> json = u.get("/projects/" + u.project + "/checks/status.json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"id\":\"" + report + "\",\"status\":\"down\"");
    }

    @Test
    void aBulkActionThatFailsPartWayChangesNoCheck() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        UUID a = create(u, "first", "");
        UUID b = create(u, "second", "");
        String refuse = "refuse_" + b.toString().replace('-', '_');
        // the database itself refuses to change the second check, after the first has been paused
        try (Connection db = vigil.database.connect(); Statement st = db.createStatement()) {
            st.execute("CREATE FUNCTION " + refuse + "() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$");
            st.execute("CREATE TRIGGER " + refuse + " BEFORE UPDATE ON checks FOR EACH ROW WHEN (NEW.id = '" + b
                    + "') EXECUTE FUNCTION " + refuse + "()");
        }
        try {
            HttpResponse<String> failed = bulk(u, u.dashboard(), "pause", List.of(a, b), "", Map.of());
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(CheckDetailsIT.status(a.toString())).as("the first check's pause was rolled back")
                    .isEqualTo("new");
            assertThat(CheckDetailsIT.status(b.toString())).isEqualTo("new");
        } finally {
            try (Connection db = vigil.database.connect(); Statement st = db.createStatement()) {
                st.execute("DROP TRIGGER " + refuse + " ON checks");
                st.execute("DROP FUNCTION " + refuse + "()");
            }
        }
        assertThat(bulk(u, u.dashboard(), "pause", List.of(a, b), "", Map.of()).statusCode()).isEqualTo(303);
        assertThat(CheckDetailsIT.status(a.toString())).isEqualTo("paused");
        assertThat(CheckDetailsIT.status(b.toString())).isEqualTo("paused");
    }

    @Test
    void bulkActionsPauseResumeChannelAndDeleteAfterAConfirmation() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        UUID a = create(u, "alpha", "batch");
        UUID b = create(u, "beta", "batch");
        UUID c = create(u, "gamma", "");
        HttpResponse<String> paused = bulk(u, u.dashboard(), "pause", List.of(a, b), "?tag=batch", Map.of());
        assertThat(paused.statusCode()).isEqualTo(303);
        assertThat(paused.headers().firstValue("Location").orElseThrow()).endsWith(u.dashboard() + "?tag=batch");
        assertThat(CheckDetailsIT.status(a.toString())).isEqualTo("paused");
        assertThat(CheckDetailsIT.status(b.toString())).isEqualTo("paused");
        assertThat(CheckDetailsIT.status(c.toString())).isEqualTo("new");
        // resume skips a check that is not paused instead of failing the lot
        assertThat(bulk(u, u.dashboard(), "resume", List.of(a, c), "", Map.of()).statusCode()).isEqualTo(303);
        assertThat(CheckDetailsIT.status(a.toString())).isEqualTo("new");
        assertThat(CheckDetailsIT.status(b.toString())).isEqualTo("paused");

        UUID channel = UUID.randomUUID();
        try (Connection db = vigil.database.connect(); PreparedStatement st = db.prepareStatement(
                "INSERT INTO channels (id, project_id, kind, name) VALUES (?, ?, 'email', 'on call')")) {
            st.setObject(1, channel);
            st.setObject(2, u.project);
            st.executeUpdate();
        }
        assertThat(u.get(u.dashboard()).body()).contains("<option value=\"" + channel + "\">email “on call”</option>");
        assertThat(bulk(u, u.dashboard(), "add-channel", List.of(a, c), "", Map.of("channel", channel.toString()))
                .statusCode()).isEqualTo(303);
        assertThat(channelsOf(a)).containsExactly(channel);
        assertThat(channelsOf(c)).containsExactly(channel);
        assertThat(channelsOf(b)).isEmpty();
        assertThat(bulk(u, u.dashboard(), "remove-channel", List.of(a), "", Map.of("channel", channel.toString()))
                .statusCode()).isEqualTo(303);
        assertThat(channelsOf(a)).isEmpty();
        assertThat(channelsOf(c)).containsExactly(channel);
        assertThat(bulk(u, u.dashboard(), "add-channel", List.of(a), "", Map.of("channel", UUID.randomUUID()
                .toString())).statusCode()).isEqualTo(400);

        HttpResponse<String> confirm = bulk(u, u.dashboard(), "delete", List.of(a, b), "?tag=batch", Map.of());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete 2 checks?").contains("alpha").contains("beta")
                .contains("name=\"confirm\" value=\"yes\"");
        assertThat(CheckDetailsIT.countChecks(u.project)).isEqualTo(3);
        HttpResponse<String> deleted = bulk(u, u.dashboard(), "delete", List.of(a, b), "?tag=batch",
                Map.of("confirm", "yes"));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(rows(u.get(u.dashboard()).body())).containsExactly(c);

        HttpResponse<String> none = bulk(u, u.dashboard(), "pause", List.of(), "", Map.of());
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Select at least one check.");
        assertThat(bulk(u, u.dashboard(), "explode", List.of(c), "", Map.of()).statusCode()).isEqualTo(400);
        // the form carries its CSRF token: without it, nothing happens
        assertThat(u.post(u.dashboard() + "bulk/", Map.of("action", "pause", "check", c.toString()), Map.of())
                .statusCode()).isEqualTo(403);
        assertThat(CheckDetailsIT.status(c.toString())).isEqualTo("new");
    }

    @Test
    void readOnlyMembersAndStrangersCannotBulkChange() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        UUID mine = create(owner, "mine", "");
        WebUser reader = WebUser.signedUp(vigil);
        CheckDetailsIT.addMember(owner.project, reader.email, "ro");
        String page = reader.get(owner.dashboard()).body();
        assertThat(page).contains("mine").doesNotContain("id=\"bulk\"").doesNotContain("type=\"checkbox\"");
        HttpResponse<String> refused = bulk(reader, owner.dashboard(), "pause", List.of(mine), "", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);

        WebUser stranger = WebUser.signedUp(vigil);
        UUID theirs = create(stranger, "theirs", "");
        assertThat(bulk(stranger, owner.dashboard(), "pause", List.of(mine), "", Map.of()).statusCode())
                .isEqualTo(404);
        // another project's check slipped into one's own bulk form: 404, and nothing changes
        assertThat(bulk(stranger, stranger.dashboard(), "delete", List.of(theirs, mine), "",
                Map.of("confirm", "yes")).statusCode()).isEqualTo(404);
        assertThat(CheckDetailsIT.status(mine.toString())).isEqualTo("new");
        assertThat(CheckDetailsIT.status(theirs.toString())).isEqualTo("new");
    }

    private static UUID create(WebUser u, String name, String tags) throws IOException {
        List<UUID> before = rows(u.get(u.dashboard()).body());
        assertThat(u.submit(u.dashboard(), u.dashboard(), Map.of("name", name, "tags", tags)).statusCode())
                .isEqualTo(303);
        List<UUID> after = new ArrayList<>(rows(u.get(u.dashboard()).body()));
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    /** The checks the dashboard lists, in its order. */
    private static List<UUID> rows(String html) {
        List<UUID> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-check=\"([0-9a-f-]{36})\"").matcher(html);
        while (m.find()) {
            ids.add(UUID.fromString(m.group(1)));
        }
        return ids;
    }

    /** Posts the bulk form as a browser would: one {@code check} field per selected row, with the page's token. */
    private static HttpResponse<String> bulk(WebUser u, String dashboard, String action, List<UUID> checks,
            String back, Map<String, String> more) throws IOException {
        String csrf = WebPagesIT.csrfOf(u.get(u.dashboard()).body());
        StringBuilder body = new StringBuilder("csrf=" + enc(csrf) + "&action=" + enc(action) + "&back=" + enc(back));
        for (UUID c : checks) {
            body.append("&check=").append(c);
        }
        more.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        return u.send(HttpRequest.newBuilder(vigil.app.uri(dashboard + "bulk/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<UUID> channelsOf(UUID check) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT channel_id FROM check_channels WHERE check_id = ?")) {
            st.setObject(1, check);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    @Test
    void aProjectThatShowsSlugUrlsListsItsChecksByThem() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "by slug", "slug", "nightly-backup"));
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "no slug"));
        String uuidUrl = "http://127.0.0.1:" + vigil.app.port() + "/ping/";
        assertThat(u.get(u.dashboard()).body()).as("UUID URLs by default").doesNotContain("/nightly-backup<");
        String settings = "/projects/" + u.project + "/settings/";
        assertThat(u.submit(settings, settings + "urls", Map.of("urls", "slug")).statusCode()).isIn(200, 303);
        String page = u.get(u.dashboard()).body();
        Matcher key = Pattern.compile(Pattern.quote(uuidUrl) + "([A-Za-z0-9_-]+)/nightly-backup").matcher(page);
        assertThat(key.find()).as(page).isTrue();
        assertThat(page).as("a check without a slug keeps its UUID URL")
                .containsPattern(Pattern.quote(uuidUrl) + "[0-9a-f-]{36}");
    }
}
