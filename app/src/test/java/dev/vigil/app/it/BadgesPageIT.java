package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The badges page on the shared app: each tag's snippets point at badge URLs that answer with an SVG. */
class BadgesPageIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void everyTagAndAllChecksHaveSnippetsOfWorkingBadges() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "api", "tags", "prod web"));
        u.submit(u.dashboard(), u.dashboard(), Map.of("name", "db", "tags", "prod"));
        String page = "/projects/" + u.project + "/badges/";
        HttpResponse<String> r = u.get(page);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(u.get(u.dashboard()).body()).contains("href=\"" + page + "\"");
        for (String section : new String[] {"prod", "web", "all"}) {
            String html = section(r.body(), section);
            String label = section.equals("all") ? "All checks" : section;
            String svg = match(html, "<code class=\"svg\">([^<]+)</code>");
            assertThat(match(html, "<code class=\"markdown\">([^<]+)</code>"))
                    .isEqualTo("![" + label + "](" + svg + ")");
            assertThat(match(html, "<code class=\"html\">([^<]+)</code>"))
                    .isEqualTo("&lt;img src=\"" + svg + "\" alt=\"" + label + "\"&gt;");
            HttpResponse<String> badge = fetch(svg);
            assertThat(badge.statusCode()).as(svg).isEqualTo(200);
            assertThat(badge.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
            assertThat(badge.body()).startsWith("<svg").contains(">up<").doesNotContain(">late<");
            HttpResponse<String> three = fetch(match(html, "<code class=\"svg3\">([^<]+)</code>"));
            assertThat(three.statusCode()).isEqualTo(200);
            assertThat(three.body()).startsWith("<svg");
            assertThat(fetch(match(html, "<code class=\"json\">([^<]+)</code>")).body()).contains("\"status\"");
            assertThat(fetch(match(html, "<code class=\"shields\">([^<]+)</code>")).body())
                    .contains("\"schemaVersion\"");
        }
        // the badges are of this project only: another user's page is 404, a read-only member sees them
        WebUser stranger = WebUser.signedUp(vigil);
        assertThat(stranger.get(page).statusCode()).isEqualTo(404);
        WebUser reader = WebUser.signedUp(vigil);
        IntegrationPagesIT.addMember(u.project, reader.email, "ro", vigil);
        // the same badges (the header differs: each user's own project switcher)
        assertThat(main(reader.get(page).body())).isEqualTo(main(r.body()));
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main>"), html.indexOf("</main>"));
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section class=\"badge\" id=\"badge-" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static String match(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex + " in " + html).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> fetch(String url) throws IOException {
        return vigil.app.send(HttpRequest.newBuilder(URI.create(url)).GET());
    }
}
