package dev.vigil.app.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static dev.vigil.app.it.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Badges, the per-project Prometheus endpoint (checked by promtool), and the operator endpoints Payara serves. */
class BadgesMetricsIT {

    private static SharedVigil vigil;
    private static ApiClient api;
    private static ApiClient.Project project;
    private static JsonObject down;

    @BeforeAll
    static void start() throws Exception {
        vigil = SharedVigil.get();
        api = new ApiClient(vigil.app);
        project = api.newProject("badges");
        JsonObject up = json(api.post("/api/v3/checks/", project.rw(), "{\"name\": \"web\", \"tags\": \"prod web\"}"));
        down = json(api.post("/api/v3/checks/", project.rw(), "{\"name\": \"db \\\"main\\\"\", \"tags\": \"prod\"}"));
        assertThat(vigil.app.get("/ping/" + up.getString("uuid")).statusCode()).isEqualTo(200);
        assertThat(vigil.app.get("/ping/" + down.getString("uuid") + "/fail").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> fetch(String url) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(java.net.URI.create(url)).GET());
    }

    @Test
    void tagBadgesInEveryFormat() throws Exception {
        JsonObject badges = json(api.get("/api/v3/badges/", project.ro())).getJsonObject("badges");
        assertThat(badges.keySet()).containsExactlyInAnyOrder("prod", "web", "*");
        assertThat(badges.getJsonObject("prod").keySet()).containsExactlyInAnyOrder("svg", "svg3", "json", "json3",
                "shields", "shields3");

        HttpResponse<String> svg = fetch(badges.getJsonObject("prod").getString("svg3"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("image/svg+xml"));
        assertThat(svg.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c)
                .contains("no-cache"));
        assertThat(svg.body()).startsWith("<svg").contains(">prod<", ">down<", "#e05d44");
        assertThat(fetch(badges.getJsonObject("web").getString("svg")).body()).contains(">up<", "#4c1");

        assertThat(json(fetch(badges.getJsonObject("prod").getString("json3"))).toString())
                .isEqualTo("{\"status\":\"down\",\"total\":2,\"grace\":0,\"down\":1}");
        assertThat(json(fetch(badges.getJsonObject("*").getString("shields"))).toString())
                .isEqualTo("{\"schemaVersion\":1,\"label\":\"Vigil\",\"message\":\"down\",\"color\":\"critical\"}");

        String forged = badges.getJsonObject("prod").getString("svg").replace("/prod.svg", "/web.svg");
        assertThat(fetch(forged).statusCode()).as("a signature is valid for one tag only").isEqualTo(404);
        assertThat(fetch(badges.getJsonObject("prod").getString("svg").replace(".svg", ".gif")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void checkBadge() throws Exception {
        HttpResponse<String> svg = fetch(down.getString("badge_url"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("db &quot;main&quot;", ">down<");
        assertThat(json(fetch(down.getString("badge_url").replace(".svg", ".json"))).getString("status"))
                .isEqualTo("down");
        assertThat(vigil.app.get("/b/2/not-a-key.svg").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusMetricsPassPromtool() throws Exception {
        HttpResponse<String> r = vigil.app.get("/projects/" + project.id() + "/metrics/" + project.ro());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain").contains("version=0.0.4"));
        assertThat(r.body()).contains("hc_checks_total 2\n", "hc_checks_down_total 1\n", "hc_tag_up{tag=\"prod\"} 0\n",
                "hc_tag_up{tag=\"web\"} 1\n", "hc_check_up{name=\"db \\\"main\\\"\",tags=\"prod\",unique_key=\"");
        promtoolAccepts(r.body());

        HttpResponse<String> bearer = vigil.app.send(HttpRequest.newBuilder(
                vigil.app.uri("/projects/" + project.id() + "/metrics/"))
                .header("Authorization", "Bearer " + project.ro()).GET());
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).isEqualTo(r.body());
        assertThat(vigil.app.get("/projects/" + project.id() + "/metrics/").statusCode()).isEqualTo(401);
        assertThat(vigil.app.get("/projects/" + project.id() + "/metrics/short").statusCode()).isEqualTo(400);
        assertThat(vigil.app.get("/projects/" + project.id() + "/metrics/" + project.rw()).statusCode())
                .as("only the read-only key").isEqualTo(403);
    }

    private static void promtoolAccepts(String text) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("promtool is needed (Debian package prometheus; bin/test installs it)", e);
        }
        p.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Exit 1 is a parse error. Exit 3 is lint advice; the only advice allowed is about the two totals that
        // keep Healthchecks' names (gauges called *_total), which existing dashboards query.
        assertThat(p.exitValue()).as("promtool check metrics:%n%s", out).isIn(0, 3);
        assertThat(out.lines().filter(l -> !l.isBlank())).as(out).allMatch(l -> l.equals(
                "hc_checks_total non-counter metrics should not have \"_total\" suffix")
                || l.equals("hc_checks_down_total non-counter metrics should not have \"_total\" suffix"));
    }

    @Test
    void operatorEndpointsOfPayara() throws Exception {
        HttpResponse<String> metrics = vigil.app.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("memory_usedHeap_bytes", "vigil_checks_total", "vigil_pings_total",
                "vigil_flips_unprocessed", "vigil_notifications_pending", "vigil_notification_failures_last_hour");
        HttpResponse<String> openapi = vigil.app.get("/openapi");
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v3/checks", "title: Vigil management API");
    }
}
