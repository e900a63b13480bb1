package dev.vigil.app.it;

import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vigil of its own without {@code VIGIL_ALLOW_PRIVATE_ADDRESSES} (the shared one allows them for its loopback
 * receivers): a channel that the delivery guard would refuse is refused when it is created or edited, with the
 * reason and the setting that allows it, instead of failing quietly at its first alert.
 */
class PrivateAddressesIT {

    private static final String REFUSED = "invalid channel: settings.down.url: refusing to send to 127.0.0.1 "
            + "(127.0.0.1): a private or loopback address (set VIGIL_ALLOW_PRIVATE_ADDRESSES=true to allow it)";

    @Test
    void aChannelToALoopbackAddressIsRefusedWhenCreatedOrEdited() throws Exception {
        try (TestDatabase db = TestPostgres.server().createDatabase("guarded");
             VigilProcess app = VigilProcess.launch(settings(db))) {
            app.awaitHealthy();
            ApiClient api = new ApiClient(app);
            ApiClient.Project project = api.newProject("guarded");

            HttpResponse<String> created = api.post("/api/v3/channels/", project.rw(),
                    "{\"kind\": \"webhook\", \"settings\": {\"down\": {\"url\": \"http://127.0.0.1:9/hook\"}}}");
            assertThat(created.statusCode()).isEqualTo(400);
            assertThat(ApiClient.json(created).getString("error")).isEqualTo(REFUSED);

            JsonObject channel = ApiClient.json(api.post("/api/v3/channels/", project.rw(),
                    "{\"kind\": \"webhook\", \"settings\": {\"down\": {\"url\": \"https://hooks.invalid/x\"}}}"));
            HttpResponse<String> edited = api.post("/api/v3/channels/" + channel.getString("id"), project.rw(),
                    "{\"settings\": {\"down\": {\"url\": \"http://127.0.0.1:9/hook\"}}}");
            assertThat(edited.statusCode()).isEqualTo(400);
            assertThat(ApiClient.json(edited).getString("error")).isEqualTo(REFUSED);
            assertThat(new Fixtures(db).value("SELECT string_agg(settings::text, ' ') FROM channels"))
                    .as("nothing stored but the accepted channel").contains("https://hooks.invalid/x")
                    .doesNotContain("127.0.0.1");
        }
    }

    private static Map<String, String> settings(TestDatabase db) {
        Map<String, String> settings = VigilProcess.database(db.jdbcUrl(), db.user(), db.password());
        settings.put("VIGIL_ADMIN_TOKEN", SharedVigil.ADMIN_TOKEN);
        return settings;
    }
}
