package dev.vigil.app.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Existing clients against Vigil: the curl commands of the Healthchecks API documentation, changed only in their
 * base URL and key, and a Python client written against Healthchecks with nothing but the standard library.
 */
class CompatibilityIT {

    private static SharedVigil vigil;
    private static ApiClient.Project project;
    private static String api;

    @BeforeAll
    static void start() throws IOException {
        vigil = SharedVigil.get();
        project = new ApiClient(vigil.app).newProject("compat");
        api = "http://127.0.0.1:" + vigil.app.port() + "/api/v3";
    }

    /** Runs a program; its output, failing the test if it exits non-zero or is not installed. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is needed by this test (bin/test installs it)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s failed:%n%s", command, out).isZero();
        return out;
    }

    /** curl as the docs write it, plus -sS so that errors show, and --fail-with-body so that 4xx fails the test. */
    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static JsonObject json(String text) {
        return jakarta.json.Json.createReader(new java.io.StringReader(text)).readObject();
    }

    @Test
    void curlCommandsFromTheDocumentation() throws Exception {
        String key = "X-Api-Key: " + project.rw();
        JsonObject created = json(curl(api + "/checks/", "--header", key, "--data",
                "{\"name\": \"App Log Scanner\", \"tags\": \"prod www\", \"timeout\": 3600, \"grace\": 60}"));
        String uuid = created.getString("uuid");
        assertThat(created.getString("tags")).isEqualTo("prod www");

        JsonObject viaBodyKey = json(curl(api + "/checks/", "--data", "{\"api_key\": \"" + project.rw()
                + "\", \"name\": \"Backups\", \"tags\": \"prod www\", \"timeout\": 3600, \"grace\": 60}"));
        assertThat(viaBodyKey.getString("name")).isEqualTo("Backups");

        assertThat(json(curl("--header", key, api + "/checks/")).getJsonArray("checks")).hasSize(2);
        assertThat(json(curl(api + "/checks/?tag=prod&tag=www", "--header", key)).getJsonArray("checks")).hasSize(2);
        assertThat(json(curl(api + "/checks/" + uuid, "--header", key)).getString("uuid")).isEqualTo(uuid);
        assertThat(json(curl(api + "/checks/" + uuid, "--header", key, "--data",
                "{\"name\": \"Backups\", \"tags\": \"prod www\", \"timeout\": 3600, \"grace\": 60}"))
                .getString("name")).isEqualTo("Backups");

        curl("http://127.0.0.1:" + vigil.app.port() + "/ping/" + uuid, "--data-raw", "log line");
        JsonObject pings = json(curl(api + "/checks/" + uuid + "/pings/", "--header", key));
        assertThat(pings.getJsonArray("pings")).hasSize(1);
        assertThat(curl(api + "/checks/" + uuid + "/pings/1/body", "--header", key)).isEqualTo("log line");
        assertThat(json(curl(api + "/checks/" + uuid + "/flips/", "--header", key)).getJsonArray("flips"))
                .hasSize(1);
        assertThat(json(curl("--header", key, api + "/channels/")).getJsonArray("channels")).isEmpty();
        assertThat(json(curl("--header", key, api + "/badges/")).getJsonObject("badges").keySet())
                .containsExactlyInAnyOrder("prod", "www", "*");

        // keyword filtering, with Healthchecks' field names: an HTTP body that names a failure keyword fails it
        JsonObject filtered = json(curl(api + "/checks/" + uuid, "--header", key, "--data",
                "{\"filter_http_body\": true, \"success_kw\": \"OK\", \"failure_kw\": \"ERROR\"}"));
        assertThat(filtered.getBoolean("filter_http_body")).isTrue();
        assertThat(filtered.getString("failure_kw")).isEqualTo("ERROR");
        curl("http://127.0.0.1:" + vigil.app.port() + "/ping/" + uuid, "--data-raw", "ERROR: disk full");
        assertThat(json(curl(api + "/checks/" + uuid, "--header", key)).getString("status")).isEqualTo("down");

        assertThat(json(curl(api + "/checks/" + uuid + "/pause", "--request", "POST", "--header", key,
                "--data", "")).getString("status")).isEqualTo("paused");
        assertThat(json(curl(api + "/checks/" + uuid + "/resume", "--request", "POST", "--header", key,
                "--data", "")).getString("status")).isEqualTo("new");
        assertThat(json(curl(api + "/checks/" + uuid, "--request", "DELETE", "--header", key))
                .getString("uuid")).isEqualTo(uuid);
        assertThat(curl(api + "/status/")).isEqualTo("OK");
    }

    @Test
    void pythonStandardLibraryClient() throws Exception {
        Path script;
        try {
            script = Path.of(CompatibilityIT.class.getResource("/compat/hc_client.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String out = run(List.of("python3", script.toString(), "http://127.0.0.1:" + vigil.app.port(),
                project.rw()));
        assertThat(out).contains("created ", "unique create returned the same check", "pinged",
                "listed: status up, 1 ping", "paused", "deleted", "ALL OK");
    }
}
