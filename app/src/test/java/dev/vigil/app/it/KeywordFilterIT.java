package dev.vigil.app.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static dev.vigil.app.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyword filtering of HTTP ping bodies on the real app: set through the management API with Healthchecks' field
 * names, applied by the ping writer on both listeners, to bodies kept in the database and to bodies spooled for
 * object storage.
 */
class KeywordFilterIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static ApiClient.Project project;
    private static Fixtures db;

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        project = api.newProject("keywords");
        db = new Fixtures(vigil.database);
    }

    private static JsonObject create(String fields) throws IOException {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), fields);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r);
    }

    private static HttpResponse<String> post(PingIT.Listener on, String path, String body) throws IOException {
        return post(on, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> post(PingIT.Listener on, String path, byte[] body) throws IOException {
        URIs u = new URIs(on);
        return vigil.app.send(HttpRequest.newBuilder(u.ping(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Where each listener takes pings (PingIT's enum needs the shared app set up there). */
    private record URIs(PingIT.Listener on) {
        java.net.URI ping(String path) {
            return on == PingIT.Listener.SERVLET ? vigil.app.uri("/ping/" + path) : vigil.app.pingUri("/ping/" + path);
        }
    }

    private static String kinds(String check) throws SQLException {
        return db.value("SELECT string_agg(kind, ',' ORDER BY n) FROM pings WHERE check_id = '" + check + "'");
    }

    private static String status(String check) throws SQLException {
        return db.value("SELECT status FROM checks WHERE id = '" + check + "'");
    }

    @Test
    void theApiTakesAndShowsTheFilterFields() throws IOException {
        JsonObject c = create("{\"name\": \"filtered\", \"filter_http_body\": true, \"filter_default_fail\": true, "
                + "\"start_kw\": \"START\", \"success_kw\": \"SUCCESS, OK\", \"failure_kw\": \"FAIL\"}");
        assertThat(c.getBoolean("filter_http_body")).isTrue();
        assertThat(c.getBoolean("filter_default_fail")).isTrue();
        assertThat(c.getBoolean("filter_subject")).isFalse();
        assertThat(c.getString("start_kw")).isEqualTo("START");
        assertThat(c.getString("success_kw")).isEqualTo("SUCCESS, OK");
        assertThat(c.getString("subject")).isEmpty(); // the deprecated mirror: only when subjects are filtered

        HttpResponse<String> updated = api.post("/api/v3/checks/" + c.getString("uuid"), project.rw(),
                "{\"subject_fail\": \"ERROR\"}");
        JsonObject u = json(updated);
        assertThat(u.getString("failure_kw")).isEqualTo("ERROR");
        assertThat(u.getBoolean("filter_subject")).isTrue();
        assertThat(u.getString("subject")).isEqualTo("SUCCESS, OK");
        assertThat(u.getString("subject_fail")).isEqualTo("ERROR");
        assertThat(u.getBoolean("filter_http_body")).isTrue(); // untouched by the update
        JsonObject read = json(api.get("/api/v3/checks/" + c.getString("uuid"), project.ro()));
        assertThat(read.getString("failure_kw")).isEqualTo("ERROR");
    }

    @ParameterizedTest
    @EnumSource(PingIT.Listener.class)
    void aFilteredBodyStartsSucceedsFailsOrIsIgnored(PingIT.Listener on) throws Exception {
        String check = create("{\"filter_http_body\": true, \"start_kw\": \"STARTING\", \"success_kw\": \"DONE\", "
                + "\"failure_kw\": \"ERROR\"}").getString("uuid");
        assertThat(post(on, check, "job STARTING").statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT last_start IS NOT NULL FROM checks WHERE id = '" + check + "'")).isEqualTo("t");
        assertThat(post(on, check, "nothing to see").statusCode()).isEqualTo(200);
        assertThat(post(on, check, "DONE").statusCode()).isEqualTo(200);
        assertThat(status(check)).isEqualTo("up");
        // the URL says fail, the body says success: the body wins, as in Healthchecks
        assertThat(post(on, check + "/fail", "DONE again").statusCode()).isEqualTo(200);
        assertThat(status(check)).isEqualTo("up");
        assertThat(post(on, check, "DONE, but one ERROR").statusCode()).isEqualTo(200);
        assertThat(status(check)).isEqualTo("down");
        assertThat(kinds(check)).isEqualTo("start,ign,success,success,fail");
        assertThat(db.value("SELECT string_agg(old_status || '>' || new_status, ',' ORDER BY id) FROM flips "
                + "WHERE check_id = '" + check + "'")).isEqualTo("new>up,up>down");
    }

    @ParameterizedTest
    @EnumSource(PingIT.Listener.class)
    void withDefaultFailABodyWithoutKeywordsFails(PingIT.Listener on) throws Exception {
        String check = create("{\"filter_http_body\": true, \"filter_default_fail\": true, \"success_kw\": \"OK\"}")
                .getString("uuid");
        assertThat(post(on, check, "all OK").statusCode()).isEqualTo(200);
        assertThat(post(on, check, "no keyword here").statusCode()).isEqualTo(200);
        assertThat(kinds(check)).isEqualTo("success,fail");
        assertThat(status(check)).isEqualTo("down");
    }

    @Test
    void aCheckWithoutFilteringGoesByItsUrl() throws Exception {
        String check = create("{\"success_kw\": \"OK\", \"failure_kw\": \"ERROR\"}").getString("uuid");
        assertThat(post(PingIT.Listener.FAST, check + "/start", "ERROR OK").statusCode()).isEqualTo(200);
        assertThat(kinds(check)).isEqualTo("start");
    }

    @Test
    void aBodySpooledForObjectStorageIsFilteredUpToTheBodyLimit() throws Exception {
        String check = create("{\"filter_http_body\": true, \"failure_kw\": \"ERROR\", \"success_kw\": \"DONE\"}")
                .getString("uuid");
        // over the shared app's object-storage threshold: filtered from the spooled copy
        String spooled = "x".repeat(SharedVigil.BODY_THRESHOLD * 2) + " ERROR";
        assertThat(post(PingIT.Listener.FAST, check, spooled).statusCode()).isEqualTo(200);
        assertThat(db.value("SELECT object_key IS NOT NULL FROM pings WHERE check_id = '" + check + "' AND n = 1"))
                .isEqualTo("t");
        // a keyword past the body limit (100 kB) was never kept, so it is not seen
        String tooFar = "DONE " + "y".repeat(100_000) + " ERROR";
        assertThat(post(PingIT.Listener.SERVLET, check, tooFar).statusCode()).isEqualTo(200);
        assertThat(kinds(check)).isEqualTo("fail,success");
    }
}
