package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docs pages of the shared app: the repository's pings, schedules and API docs rendered with their tables and
 * heading anchors, links between them made into page paths, links to the operator's docs unlinked; nothing else
 * under /docs/ is served.
 */
class DocsPagesIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    private static HttpResponse<String> get(String path) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(vigil.app.uri(path)).GET());
    }

    @Test
    void theUserDocsAreReadablePagesAndNothingElseIsServed() throws IOException {
        HttpResponse<String> index = get("/docs/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("href=\"/docs/pings/\"", "href=\"/docs/schedules/\"", "href=\"/docs/api/\"");

        HttpResponse<String> pings = get("/docs/pings/");
        assertThat(pings.statusCode()).isEqualTo(200);
        assertThat(pings.headers().firstValue("Content-Security-Policy").orElse("")).doesNotContain("unsafe-inline");
        String html = pings.body();
        String source = Files.readString(Path.of("..", "docs", "pings.md"));
        String firstHeading = source.lines().filter(l -> l.startsWith("# ")).findFirst().orElseThrow().substring(2);
        assertThat(html).contains("<h1 id=\"", ">" + firstHeading.replace("&", "&amp;") + "</h1>")
                .contains("<table>", "<th>")
                .contains("href=\"/docs/schedules/\"")              // schedules.md
                .contains("href=\"/docs/api/#create-post-apiv3checks\"") // api.md#create-post-apiv3checks
                .doesNotContain("href=\"performance.md", "href=\"configuration.md"); // operator docs: words, no link
        assertThat(html).as("the anchor the API docs link to exists there")
                .satisfies(h -> assertThat(get("/docs/api/").body()).contains("id=\"create-post-apiv3checks\""));

        assertThat(get("/docs/configuration/").statusCode()).as("operator docs are not published").isEqualTo(404);
        assertThat(get("/docs/..%2Fpom.xml/").statusCode()).isEqualTo(404);
        assertThat(get("/").body()).contains("href=\"/docs/\"");
    }
}
