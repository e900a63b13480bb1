package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The appearance setting: a cookie of the browser, applied as a class on html that the stylesheet colours. */
class AppearanceIT {

    private static SharedVigil vigil;

    @BeforeAll
    static void start() {
        vigil = SharedVigil.get();
    }

    @Test
    void theChosenAppearanceIsKeptInACookieAndAppliedByAClassOnHtml() throws IOException {
        WebUser u = WebUser.signedUp(vigil);
        HttpResponse<String> dashboard = u.get(u.dashboard());
        assertThat(dashboard.body()).contains("<html lang=\"en\" class=\"theme-system\">")
                .contains("href=\"/settings/appearance/\"");
        HttpResponse<String> form = u.get("/settings/appearance/");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).containsPattern("id=\"appearance-system\" checked").doesNotContain("style=");

        HttpResponse<String> saved = u.submit("/settings/appearance/", "/settings/appearance/",
                Map.of("appearance", "dark"));
        assertThat(saved.statusCode()).isEqualTo(303);
        String cookie = saved.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("vigil_appearance=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("vigil_appearance=dark;").containsIgnoringCase("Max-Age=31536000")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        assertThat(u.get(u.dashboard()).body()).contains("<html lang=\"en\" class=\"theme-dark\">");
        assertThat(u.get("/settings/appearance/").body()).containsPattern("id=\"appearance-dark\" checked");

        HttpResponse<String> bad = u.submit("/settings/appearance/", "/settings/appearance/",
                Map.of("appearance", "<b>neon</b>"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Choose light, dark or follow the system.").doesNotContain("<b>neon");
        assertThat(u.get(u.dashboard()).body()).contains("class=\"theme-dark\"");
        assertThat(u.post("/settings/appearance/", Map.of("appearance", "light"), Map.of()).statusCode())
                .isEqualTo(403); // no CSRF token

        String css = vigil.app.get("/static/vigil.css").body();
        assertThat(css).contains("html.theme-dark {").contains("@media (prefers-color-scheme: dark)")
                .contains("html.theme-system {");
    }
}
