package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The details page's actions (pause, resume, copy, delete), each a CSRF-carrying form through the API's service,
 * refused for read-only members and 404 for strangers; the edit form for the name, slug, tags and description;
 * and its usage snippets.
 */
class CheckDetailsIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void pauseResumeCopyAndDeleteGoThroughTheApisRules() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "backup", "slug", "nightly-backup", "tags", "prod db",
                "schedule", "0 3 * * *", "tz", "Europe/Riga"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        String details = details(check);
        assertThat(u.get(details).body()).contains("action=\"" + details + "pause/\"").doesNotContain("id=\"resume\"");

        assertThat(u.submit(details, details + "pause/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(status(check)).isEqualTo("paused");
        String paused = u.get(details).body();
        assertThat(paused).contains(">paused<").contains("action=\"" + details + "resume/\"");
        assertThat(lastFlip(check)).isEqualTo("new->paused");

        assertThat(u.submit(details, details + "resume/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(status(check)).isEqualTo("new");
        assertThat(lastFlip(check)).isEqualTo("paused->new");
        HttpResponse<String> again = u.submit(details, details + "resume/", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"form-error\">check is not paused<");

        HttpResponse<String> copied = u.submit(details, details + "copy/", Map.of());
        assertThat(copied.statusCode()).isEqualTo(303);
        Matcher m = Pattern.compile("/checks/([0-9a-f-]{36})/details/").matcher(
                copied.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        String copy = m.group(1);
        assertThat(copy).isNotEqualTo(check);
        String copyPage = u.get(details(copy)).body();
        assertThat(copyPage).contains("<h1 id=\"check-name\">backup (copy)</h1>")
                .contains("At 03:00 every day (Europe/Riga)").contains(">prod</span>").contains(">new<");
        try (Connection c = vigil.database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT slug, project_id FROM checks WHERE id = ?")) {
            st.setObject(1, UUID.fromString(copy));
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("slug")).isEqualTo("nightly-backup-copy");
                assertThat(rs.getObject("project_id")).isEqualTo(u.project);
            }
        }

        HttpResponse<String> confirm = u.get(details + "delete/");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete backup?").contains("action=\"" + details + "delete/\"");
        HttpResponse<String> deleted = u.submit(details + "delete/", details + "delete/", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith(u.dashboard());
        assertThat(u.get(details).statusCode()).isEqualTo(404);
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check))).statusCode())
                .isEqualTo(404);
        assertThat(u.get(details(copy)).statusCode()).isEqualTo(200); // the copy lives on
        assertThat(u.post(details(copy) + "delete/", Map.of(), Map.of()).statusCode()).isEqualTo(403); // no token
    }

    @Test
    void aReadOnlyMemberSeesNoActionsAndIsRefusedEach() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        owner.submit(owner.dashboard(), owner.dashboard(), Map.of("name", "watched"));
        String check = WebPagesIT.firstCheck(owner.get(owner.dashboard()).body());
        String details = details(check);
        WebUser reader = WebUser.signedUp(vigil);
        addMember(owner.project, reader.email, "ro");

        HttpResponse<String> page = reader.get(details);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("watched").doesNotContain("id=\"check-actions\"").doesNotContain("/pause/");
        for (String action : new String[] {"pause", "copy", "delete"}) {
            HttpResponse<String> r = reader.submit(details, details + action + "/", Map.of());
            assertThat(r.statusCode()).as(action).isEqualTo(403);
            assertThat(r.body()).contains("Read-only members cannot change checks.");
        }
        assertThat(reader.get(details + "delete/").statusCode()).isEqualTo(403);
        assertThat(status(check)).isEqualTo("new");
        assertThat(countChecks(owner.project)).isEqualTo(1);

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.submit(stranger.dashboard(), details + "pause/", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stranger.get(details + "delete/").statusCode()).isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), details(UUID.randomUUID().toString()) + "copy/", Map.of())
                .statusCode()).isEqualTo(404);
        assertThat(status(check)).isEqualTo("new");
    }

    @Test
    void snippetsShowTheChecksOwnUrl() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "nightly", "schedule", "15 4 * * *", "tz", "UTC"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        String url = "http://127.0.0.1:" + vigil.app.port() + "/ping/" + check;
        String page = u.get(details(check)).body();
        assertThat(page).contains("15 4 * * * /usr/local/bin/backup &amp;&amp; curl -fsS -m 10 --retry 5 -o /dev/null "
                + url).contains("URL=" + url).contains("\"$URL/start\"").contains("\"$URL/$?\"")
                .contains("urllib.request.urlopen(\"" + url + "\", timeout=10)")
                .contains("Invoke-RestMethod -Uri " + url).contains("ops run --ping-url " + url + " --timeout 1h --");
    }

    @Test
    void theEventLogMergesPingsFlipsAndNotificationsNewestFirstAndFiltersWithoutScript() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "logged"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check + "/fail"))
                .header("User-Agent", "job/2").POST(HttpRequest.BodyPublishers.ofString("exit 3"))).statusCode())
                .isEqualTo(200);
        UUID channel = UUID.randomUUID();
        try (Connection c = vigil.database.connect()) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO channels (id, project_id, kind, name) VALUES (?, ?, 'webhook', 'ops <hook>')")) {
                st.setObject(1, channel);
                st.setObject(2, u.project);
                st.executeUpdate();
            }
            // what the alert sender leaves behind after giving up on a delivery
            try (PreparedStatement st = c.prepareStatement("INSERT INTO notifications (check_id, channel_id, flip_id, "
                    + "flip_created, old_status, new_status, state, attempts, error, done, created) "
                    + "SELECT check_id, ?, id, created, old_status, new_status, 'failed', 3, 'HTTP 500 from the hook', "
                    + "now(), created + interval '1 second' FROM flips WHERE check_id = ?")) {
                st.setObject(1, channel);
                st.setObject(2, UUID.fromString(check));
                assertThat(st.executeUpdate()).isEqualTo(1);
            }
        }
        String details = details(check);
        String all = u.get(details).body();
        int note = all.indexOf("class=\"event-notification\"");
        int flip = all.indexOf("class=\"event-flip\"");
        int ping = all.indexOf("class=\"event-ping\"");
        assertThat(note).isPositive().isLessThan(flip);
        assertThat(flip).isLessThan(ping);
        assertThat(all).contains("notified down").contains("webhook “ops &lt;hook&gt;”")
                .contains("failed after 3 attempts: HTTP 500 from the hook").contains("new → down")
                .contains("a failure was reported").contains(">fail<").contains("job/2").contains("exit 3");
        assertThat(all).contains("id=\"show-flip\" checked").contains("href=\"" + details + "?events=flip\"");

        String flipsOnly = u.get(details + "?events=flip").body();
        assertThat(flipsOnly).contains("class=\"event-flip\"").doesNotContain("class=\"event-ping\"")
                .doesNotContain("class=\"event-notification\"").contains("id=\"show-flip\" checked")
                .doesNotContain("id=\"show-ping\" checked");
        String two = u.get(details + "?events=ping&events=notification").body();
        assertThat(two).contains("class=\"event-ping\"").contains("class=\"event-notification\"")
                .doesNotContain("class=\"event-flip\"");
        assertThat(u.get(details + "?events=%3Cscript%3E").body()).contains("class=\"event-flip\"")
                .contains("class=\"event-ping\"").doesNotContain("<script>");
    }

    @Test
    void runsAreChartedAsServerRenderedSvgAndDowntimeIsSummedPerMonth() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "charted"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        String details = details(check);
        assertThat(u.get(details).body()).contains("id=\"no-chart\"").contains("<td>none</td><td>0</td><td>100%</td>");
        for (String signal : new String[] {"/start", "", "/start", "/fail"}) {
            assertThat(vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/ping/" + check + signal))).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> r = u.get(details);
        String page = r.body();
        assertThat(page).contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"run-chart\"")
                .contains("<title id=\"run-chart-title\">Durations of the last 2 runs and ping times</title>")
                .contains("2 timed runs").contains("1 failed").contains("class=\"bar run-success\"")
                .contains("class=\"bar run-fail\"").contains("class=\"dot ping-start\"");
        // nothing the CSP would refuse: no inline style or script anywhere on the page
        assertThat(page).doesNotContain("style=").doesNotContain("<style").doesNotContain("<script>")
                .doesNotContain(" onload=");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
        // the failure flipped it down: once this month, down since a moment ago
        Matcher month = Pattern.compile("<tbody>\\s*<tr><td>[A-Z][a-z]+ 20\\d\\d</td><td>([^<]+)</td><td>(\\d+)</td>"
                + "<td>([^<]+)</td></tr>").matcher(page.substring(page.indexOf("id=\"downtime\"")));
        assertThat(month.find()).isTrue();
        assertThat(month.group(2)).isEqualTo("1");
        assertThat(month.group(1)).matches("none|\\d+ s|\\d+ min");
        assertThat(page.split("<tr><td>[A-Z][a-z]+ 20\\d\\d</td>", -1)).hasSize(4); // three months
    }

    @Test
    void theDescriptionIsMarkdownWithScriptsLinksAndRawHtmlMadeInert() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "described"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        try (Connection c = vigil.database.connect();
                PreparedStatement st = c.prepareStatement("UPDATE checks SET description = ? WHERE id = ?")) {
            st.setString(1, "Restores need **both** keys, see [the runbook](https://wiki.example.com/restore).\n\n"
                    + "<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)>");
            st.setObject(2, UUID.fromString(check));
            st.executeUpdate();
        }
        String page = u.get(details(check)).body();
        String description = page.substring(page.indexOf("id=\"description\""), page.indexOf("</div>",
                page.indexOf("id=\"description\"")));
        assertThat(description).contains("<strong>both</strong>")
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"https://wiki.example.com/restore\">")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(3)&gt;")
                .contains("<a rel=\"nofollow noopener noreferrer\" href=\"\">click</a>").doesNotContain("javascript:")
                .doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void theNameSlugTagsAndDescriptionAreEditedThroughTheApisUpdate() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "old name", "slug", "old-slug", "tags", "old"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        String details = details(check);
        String edit = details + "edit/";
        assertThat(u.get(details).body()).contains("href=\"" + edit + "\"");
        HttpResponse<String> form = u.get(edit);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"old name\"").contains("value=\"old-slug\"")
                .contains("<label for=\"desc\">").contains("action=\"" + edit + "\"");

        HttpResponse<String> saved = u.submit(edit, edit, Map.of("name", "Nightly <backup>", "slug", "nightly",
                "tags", "prod db", "desc", "Restores need **both** keys.\r\n\r\n<script>alert(1)</script>"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(details);
        String page = u.get(details).body();
        assertThat(page).contains("<h1 id=\"check-name\">Nightly &lt;backup&gt;</h1>")
                .contains(">prod</span>").contains(">db</span>").doesNotContain(">old</span>")
                .contains("<strong>both</strong>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)");
        assertThat(page).contains("/nightly</code>"); // the slug URL

        String key = readWriteKey(u);
        HttpResponse<String> api = vigil.app.send(HttpRequest.newBuilder(vigil.app.uri("/api/v3/checks/" + check))
                .header("X-Api-Key", key));
        assertThat(api.statusCode()).isEqualTo(200);
        jakarta.json.JsonObject json = ApiClient.json(api);
        assertThat(json.getString("name")).isEqualTo("Nightly <backup>");
        assertThat(json.getString("slug")).isEqualTo("nightly");
        assertThat(json.getString("tags")).isEqualTo("prod db");
        assertThat(json.getString("desc")).isEqualTo("Restores need **both** keys.\n\n<script>alert(1)</script>");

        // a value the API refuses: its message next to the field, the typed values kept, nothing stored
        HttpResponse<String> badSlug = u.submit(edit, edit, Map.of("name", "renamed", "slug", "Not A Slug",
                "tags", "other", "desc", "changed"));
        assertThat(badSlug.statusCode()).isEqualTo(400);
        assertThat(badSlug.body()).contains("id=\"slug-error\">json validation error: slug does not match pattern")
                .contains("value=\"Not A Slug\"").contains("value=\"renamed\"").doesNotContain("id=\"name-error\"");
        HttpResponse<String> longName = u.submit(edit, edit, Map.of("name", "x".repeat(101), "slug", "fine",
                "tags", "other", "desc", "changed"));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body()).contains("id=\"name-error\">json validation error: name is too long (at most 100 "
                + "characters)<");
        jakarta.json.JsonObject unchanged = ApiClient.json(vigil.app.send(HttpRequest.newBuilder(
                vigil.app.uri("/api/v3/checks/" + check)).header("X-Api-Key", key)));
        assertThat(unchanged.getString("name")).isEqualTo("Nightly <backup>");
        assertThat(unchanged.getString("slug")).isEqualTo("nightly");
        assertThat(unchanged.getString("tags")).isEqualTo("prod db");
        assertThat(unchanged.getString("desc")).startsWith("Restores need");
        assertThat(u.post(edit, Map.of("name", "no token"), Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void aReadOnlyMemberGetsNoEditFormAndAStrangerA404() throws Exception {
        WebUser owner = WebUser.signedUp(vigil);
        owner.submit(owner.dashboard(), owner.dashboard(), Map.of("name", "kept"));
        String check = WebPagesIT.firstCheck(owner.get(owner.dashboard()).body());
        String edit = details(check) + "edit/";
        WebUser reader = WebUser.signedUp(vigil);
        addMember(owner.project, reader.email, "ro");
        assertThat(reader.get(details(check)).body()).doesNotContain(edit);
        assertThat(reader.get(edit).statusCode()).isEqualTo(403);
        HttpResponse<String> refused = reader.submit(details(check), edit, Map.of("name", "taken over", "slug", "",
                "tags", "", "desc", ""));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Read-only members cannot change checks.");

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(edit).statusCode()).isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), edit, Map.of("name", "taken over", "slug", "", "tags", "",
                "desc", "")).statusCode()).isEqualTo(404);
        assertThat(owner.get(details(check)).body()).contains("<h1 id=\"check-name\">kept</h1>")
                .doesNotContain("taken over");
    }

    /** A read-write API key of the user's project, made on the keys page (sign-up has just proved the password). */
    @Test
    void aCheckMovesToAnotherOfTheUsersProjectsWithItsHistoryAndTheTargetsChannels() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "mover"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        assertThat(vigil.app.send(java.net.http.HttpRequest.newBuilder(vigil.app.uri("/ping/" + check)).GET())
                .statusCode()).isEqualTo(200);
        UUID second = newProject(u, "Second home");
        UUID channel = UUID.randomUUID();
        sql("INSERT INTO channels (id, project_id, kind, name) VALUES ('" + channel + "', '" + second
                + "', 'email', 'on call')");
        WebUser other = WebUser.signedUp(vigil);
        addMember(other.project, u.email, "ro"); // a project where u may not add checks

        String transfer = details(check) + "transfer/";
        HttpResponse<String> form = u.get(transfer);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Second home", "value=\"" + second + "\"")
                .doesNotContain("value=\"" + u.project + "\"").doesNotContain("value=\"" + other.project + "\"");
        HttpResponse<String> refused = u.submit(transfer, transfer, Map.of("project", other.project.toString()));
        assertThat(refused.statusCode()).as("a read-only project is no target").isEqualTo(400);
        assertThat(refused.body()).contains("Choose one of your projects below.");
        assertThat(countChecks(u.project)).as("nothing moved").isEqualTo(1);

        // an alert waiting for a retry to the old project's channel (an hour away, so the running sender leaves it)
        String oldChannel = one("SELECT channel_id::text FROM check_channels WHERE check_id = '" + check + "' LIMIT 1");
        if (oldChannel == null) {
            oldChannel = UUID.randomUUID().toString();
            sql("INSERT INTO channels (id, project_id, kind) VALUES ('" + oldChannel + "', '" + u.project
                    + "', 'email')");
        }
        sql("INSERT INTO notifications (check_id, channel_id, flip_id, flip_created, old_status, new_status, "
                + "next_attempt) VALUES ('" + check + "', '" + oldChannel + "', 0, now(), 'up', 'down', "
                + "now() + interval '1 hour')");
        HttpResponse<String> moved = u.submit(transfer, transfer, Map.of("project", second.toString()));
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(one("SELECT state || ': ' || error FROM notifications WHERE check_id = '" + check + "'"))
                .as("nothing more reaches the old project").isEqualTo("failed: the check moved to another project");
        assertThat(countChecks(second)).isEqualTo(1);
        assertThat(countChecks(u.project)).isZero();
        assertThat(one("SELECT n_pings::text FROM checks WHERE id = '" + check + "'")).as("its history goes along")
                .isEqualTo("1");
        assertThat(one("SELECT string_agg(channel_id::text, ',') FROM check_channels WHERE check_id = '" + check
                + "'")).as("the target project's channels, not the old ones").isEqualTo(channel.toString());
        assertThat(vigil.app.send(java.net.http.HttpRequest.newBuilder(vigil.app.uri("/ping/" + check)).GET())
                .statusCode()).as("the same ping URL").isEqualTo(200);
        assertThat(u.get(details(check)).body()).contains("mover");
        HttpResponse<String> again = u.submit(transfer, transfer, Map.of("project", second.toString()));
        assertThat(again.statusCode()).as("its own project is not offered").isEqualTo(400);

        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(transfer).statusCode()).isEqualTo(404);
        assertThat(stranger.submit(stranger.dashboard(), transfer, Map.of("project", stranger.project.toString()))
                .statusCode()).isEqualTo(404);
        addMember(second, stranger.email, "ro");
        assertThat(stranger.get(transfer).statusCode()).as("read-only in the check's project").isEqualTo(403);
        assertThat(countChecks(second)).isEqualTo(1);
    }

    @Test
    void aCheckWhoseSlugTheTargetProjectAlreadyUsesDoesNotMove() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "mover"));
        String check = WebPagesIT.firstCheck(u.get(u.dashboard()).body());
        UUID second = newProject(u, "Second home");
        String there = "/projects/" + second + "/checks/";
        u.submit(there, there, Map.of("name", "already there"));
        sql("UPDATE checks SET slug = 'nightly-backup' WHERE project_id IN ('" + u.project + "', '" + second + "')");
        String transfer = details(check) + "transfer/";
        assertThat(u.get(transfer).body()).contains("its UUID ping URL keeps working")
                .contains("with that project's ping key");

        HttpResponse<String> refused = u.submit(transfer, transfer, Map.of("project", second.toString()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Second home already has a check with the slug 'nightly-backup': change"
                + " one of the slugs first");
        assertThat(one("SELECT project_id::text FROM checks WHERE id = '" + check + "'")).as("nothing moved")
                .isEqualTo(u.project.toString());
        assertThat(countChecks(second)).isEqualTo(1);
        String oldKey = one("SELECT ping_key FROM projects WHERE id = '" + u.project + "'");
        String newKey = one("SELECT ping_key FROM projects WHERE id = '" + second + "'");
        assertThat(ping("/ping/" + oldKey + "/nightly-backup")).as("each slug URL still has one check")
                .isEqualTo(200);
        assertThat(ping("/ping/" + newKey + "/nightly-backup")).isEqualTo(200);

        // with another slug it moves: the UUID URL keeps working, the slug URL is the new project's
        sql("UPDATE checks SET slug = 'weekly-backup' WHERE id = '" + check + "'");
        assertThat(u.submit(transfer, transfer, Map.of("project", second.toString())).statusCode()).isEqualTo(303);
        assertThat(ping("/ping/" + check)).isEqualTo(200);
        assertThat(ping("/ping/" + newKey + "/weekly-backup")).isEqualTo(200);
        assertThat(ping("/ping/" + oldKey + "/weekly-backup")).isEqualTo(404);
    }

    private static int ping(String path) throws IOException {
        return vigil.app.send(java.net.http.HttpRequest.newBuilder(vigil.app.uri(path)).GET()).statusCode();
    }

    private static UUID newProject(WebUser u, String name) throws IOException {
        HttpResponse<String> made = u.submit("/projects/new/", "/projects/new/", Map.of("name", name));
        Matcher m = Pattern.compile("/projects/([0-9a-f-]{36})/checks/").matcher(made.headers()
                .firstValue("Location").orElseThrow());
        assertThat(m.find()).as("a new project: " + made.statusCode()).isTrue();
        return UUID.fromString(m.group(1));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect(); var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String one(String query) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect(); var st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String readWriteKey(WebUser u) throws IOException {
        String keys = "/projects/" + u.project + "/keys/";
        HttpResponse<String> made = u.submit(keys, keys, Map.of("label", "edit test", "kind", "read-write"));
        Matcher m = Pattern.compile("id=\"new-key-value\">(vgw_[A-Za-z0-9]{28})<").matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        return m.group(1);
    }

    static String details(String check) {
        return "/checks/" + check + "/details/";
    }

    static void addMember(UUID project, String email, String role) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO project_members (project_id, user_id, role) SELECT ?, id, ? FROM users WHERE email = ?")) {
            st.setObject(1, project);
            st.setString(2, role);
            st.setString(3, email);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    static String status(String check) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect();
                PreparedStatement st = c.prepareStatement("SELECT status FROM checks WHERE id = ?")) {
            st.setObject(1, UUID.fromString(check));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String lastFlip(String check) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT old_status || '->' || new_status FROM flips WHERE check_id = ? ORDER BY id DESC LIMIT 1")) {
            st.setObject(1, UUID.fromString(check));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static int countChecks(UUID project) throws SQLException {
        try (Connection c = SharedVigil.get().database.connect();
                PreparedStatement st = c.prepareStatement("SELECT count(*) FROM checks WHERE project_id = ?")) {
            st.setObject(1, project);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
