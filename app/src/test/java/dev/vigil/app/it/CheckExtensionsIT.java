package dev.vigil.app.it;

import dev.vigil.testsupport.Await;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Vigil's check extensions through the API and the ping path of the shared app. */
class CheckExtensionsIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static ApiClient.Project project;
    private static Fixtures db;

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        project = api.newProject("extensions");
        db = new Fixtures(vigil.database);
    }

    private static JsonObject check(String uuid) throws IOException {
        return ApiClient.json(api.get("/api/v3/checks/" + uuid, project.rw()));
    }

    @Test
    void onlyTheNthFailureInARowTurnsTheCheckDown() throws IOException {
        HttpResponse<String> created = api.post("/api/v3/checks/", project.rw(),
                "{\"name\": \"flaky job\", \"alert_after_failures\": 2, \"start_deadline\": 120}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject c = ApiClient.json(created);
        assertThat(c.getInt("alert_after_failures")).isEqualTo(2);
        assertThat(c.getInt("start_deadline")).isEqualTo(120);
        String uuid = c.getString("uuid");

        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(200);
        assertThat(vigil.app.get("/ping/" + uuid + "/fail").statusCode()).isEqualTo(200);
        assertThat(check(uuid).getString("status")).isEqualTo("up");
        assertThat(vigil.app.get("/ping/" + uuid + "/1").statusCode()).isEqualTo(200); // a second failure in a row
        assertThat(check(uuid).getString("status")).isEqualTo("down");
        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(200);
        assertThat(check(uuid).getString("status")).isEqualTo("up");

        JsonObject cleared = ApiClient.json(api.post("/api/v3/checks/" + uuid, project.rw(),
                "{\"start_deadline\": 0, \"alert_after_failures\": 1}"));
        assertThat(cleared.containsKey("start_deadline")).isFalse();
        assertThat(cleared.containsKey("alert_after_failures")).isFalse();
    }

    /**
     * Issue 13's report: timeout 60, grace 60, start deadline 300, pinged and then started; 75 s later the API said
     * down while the sender rightly left the check alone. Now both follow one rule: the sender looks (the stored
     * alert time is made to come early), keeps the check up, and the API shows it late and started, not down.
     */
    @Test
    void aStartedRunWithinItsStartDeadlineIsNotShownDown() throws Exception {
        String uuid = ApiClient.json(api.post("/api/v3/checks/", project.rw(),
                "{\"name\": \"long run\", \"timeout\": 60, \"grace\": 60, \"start_deadline\": 300}"))
                .getString("uuid");
        assertThat(vigil.app.get("/ping/" + uuid).statusCode()).isEqualTo(200);
        assertThat(vigil.app.get("/ping/" + uuid + "/start").statusCode()).isEqualTo(200);
        db.sql("UPDATE checks SET last_ping = last_ping - interval '76 seconds', "
                + "last_start = last_start - interval '75 seconds', alert_after = now() - interval '1 second' "
                + "WHERE id = '" + uuid + "'");
        Await.until(Duration.ofSeconds(10), () -> alertAfterIsInTheFuture(uuid), () -> "the sender did not look");

        assertThat(db.value("SELECT status FROM checks WHERE id = '" + uuid + "'")).isEqualTo("up");
        JsonObject shown = check(uuid);
        assertThat(shown.getString("status")).isEqualTo("grace");
        assertThat(shown.getBoolean("started")).isTrue();
    }

    private static boolean alertAfterIsInTheFuture(String uuid) {
        try {
            return "t".equals(db.value("SELECT alert_after > now() FROM checks WHERE id = '" + uuid + "'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheField() throws IOException {
        HttpResponse<String> r = api.post("/api/v3/checks/", project.rw(), "{\"alert_after_failures\": 101}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("alert_after_failures must be a whole number of failures from 1 to 100");
        r = api.post("/api/v3/checks/", project.rw(), "{\"start_deadline\": 59}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("start_deadline is too small");
    }
}
