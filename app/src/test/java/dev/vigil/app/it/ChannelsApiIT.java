package dev.vigil.app.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Vigil's channel-management extension of the v3 API, against a webhook receiver on loopback. */
class ChannelsApiIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static ApiClient.Project project;
    private static HttpServer receiver;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        project = api.newProject("channels-api");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/broken") ? 500 : 200, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook" + path;
    }

    @Test
    void aChannelIsCreatedTestedChangedAndDeletedThroughTheApi() throws IOException {
        HttpResponse<String> created = api.post("/api/v3/channels/", project.rw(), "{\"kind\": \"webhook\", "
                + "\"name\": \"ops hook\", \"settings\": {\"down\": {\"method\": \"GET\", \"url\": \""
                + hook("/ok?status=$STATUS") + "\"}}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject channel = ApiClient.json(created);
        String id = channel.getString("id");
        assertThat(channel.getString("kind")).isEqualTo("webhook");
        assertThat(channel.getString("name")).isEqualTo("ops hook");
        assertThat(channel.getBoolean("disabled")).isFalse();
        assertThat(ApiClient.json(api.get("/api/v3/channels/", project.rw())).getJsonArray("channels").toString())
                .contains(id);

        HttpResponse<String> tested = api.post("/api/v3/channels/" + id + "/test", project.rw(), "");
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(tested.body()).isEqualTo("{\"result\":\"sent\"}");
        assertThat(received).singleElement().asString().startsWith("GET /hook/ok?status=down");

        HttpResponse<String> changed = api.post("/api/v3/channels/" + id, project.rw(), "{\"name\": \"renamed\", "
                + "\"settings\": {\"down\": {\"url\": \"" + hook("/broken") + "\"}}}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(changed).getString("name")).isEqualTo("renamed");
        HttpResponse<String> failed = api.post("/api/v3/channels/" + id + "/test", project.rw(), "");
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("the test notification was not delivered").contains("500");

        assertThat(api.delete("/api/v3/channels/" + id, project.rw()).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/v3/channels/" + id, project.rw()).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v3/channels/", project.rw()).body()).doesNotContain(id);
    }

    @Test
    void badSettingsUnknownKindsAndReadOnlyKeysAreRefused() throws IOException {
        HttpResponse<String> noUrl = api.post("/api/v3/channels/", project.rw(),
                "{\"kind\": \"webhook\", \"settings\": {\"down\": {\"method\": \"POST\"}}}");
        assertThat(noUrl.statusCode()).isEqualTo(400);
        assertThat(noUrl.body()).contains("invalid channel").contains("url");

        HttpResponse<String> fax = api.post("/api/v3/channels/", project.rw(), "{\"kind\": \"fax\", \"settings\": {}}");
        assertThat(fax.statusCode()).isEqualTo(400);
        assertThat(fax.body()).contains("\\\"fax\\\" is not a channel kind");

        HttpResponse<String> noSettings = api.post("/api/v3/channels/", project.rw(), "{\"kind\": \"slack\"}");
        assertThat(noSettings.statusCode()).isEqualTo(400);
        assertThat(noSettings.body()).contains("settings is missing");

        HttpResponse<String> readOnly = api.post("/api/v3/channels/", project.ro(),
                "{\"kind\": \"slack\", \"settings\": {\"url\": \"https://hooks.slack.com/services/x\"}}");
        assertThat(readOnly.statusCode()).isEqualTo(401);
        assertThat(api.post("/api/v3/channels/not-a-uuid/test", project.rw(), "").statusCode()).isEqualTo(404);
    }
}
