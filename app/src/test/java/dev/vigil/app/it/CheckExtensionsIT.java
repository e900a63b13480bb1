package dev.vigil.app.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Vigil's check extensions through the API and the ping path of the shared app. */
class CheckExtensionsIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static ApiClient.Project project;

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        project = api.newProject("extensions");
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
