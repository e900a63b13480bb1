package dev.vigil.app.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appearance setting: kept with the account when signed in and in a cookie of the browser, applied as a class on
 * html that the stylesheet colours.
 */
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

    @Test
    void signedInTheAppearanceIsKeptWithTheAccountAndFollowsItIntoItsOtherBrowsers() throws Exception {
        WebUser u = WebUser.signedUp(vigil);
        assertThat(u.get("/settings/appearance/").body()).contains("The choice is kept with your account");
        assertThat(u.submit("/settings/appearance/", "/settings/appearance/", Map.of("appearance", "dark"))
                .statusCode()).isEqualTo(303);
        assertThat(storedAppearance(u.email)).isEqualTo("dark");

        // another browser: signed out it follows its own cookie; saving there keeps the choice in that cookie only
        WebUser other = new WebUser(vigil, u.email);
        assertThat(other.get("/accounts/login/").body()).contains("class=\"theme-system\"");
        assertThat(other.get("/settings/appearance/").body()).contains("Once you are signed in, the choice is kept");
        assertThat(other.submit("/settings/appearance/", "/settings/appearance/", Map.of("appearance", "light"))
                .statusCode()).isEqualTo(303);
        assertThat(other.get("/accounts/login/").body()).contains("class=\"theme-light\"");
        assertThat(storedAppearance(u.email)).isEqualTo("dark");

        // signed in there, the account's choice shows, and the cookie is set to match it
        HttpResponse<String> login = other.get("/accounts/login/");
        assertThat(other.post("/accounts/login/", Map.of("email", u.email, "password", WebUser.PASSWORD,
                "csrf", WebPagesIT.csrfOf(login.body())), Map.of()).statusCode()).isEqualTo(303);
        HttpResponse<String> dashboard = other.get(u.dashboard());
        assertThat(dashboard.body()).contains("<html lang=\"en\" class=\"theme-dark\">");
        assertThat(dashboard.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("vigil_appearance=dark;"));
        assertThat(other.cookie("vigil_appearance").getValue()).isEqualTo("dark");
        assertThat(other.get("/settings/appearance/").body()).containsPattern("id=\"appearance-dark\" checked");
        assertThat(other.get(u.dashboard()).headers().allValues("Set-Cookie"))
                .as("a cookie that matches is not set again").noneMatch(c -> c.startsWith("vigil_appearance="));

        // a choice made in that browser goes to the account, and the first browser shows it too
        assertThat(other.submit("/settings/appearance/", "/settings/appearance/", Map.of("appearance", "light"))
                .statusCode()).isEqualTo(303);
        assertThat(storedAppearance(u.email)).isEqualTo("light");
        assertThat(u.get(u.dashboard()).body()).contains("<html lang=\"en\" class=\"theme-light\">");
        assertThat(u.cookie("vigil_appearance").getValue()).isEqualTo("light");

        // logged out, the browser keeps the account's last choice through its cookie
        assertThat(u.submit(u.dashboard(), "/accounts/logout/", Map.of()).statusCode()).isEqualTo(303);
        assertThat(u.get("/accounts/login/").body()).contains("class=\"theme-light\"");
    }

    private static String storedAppearance(String email) throws java.sql.SQLException {
        try (java.sql.Connection c = vigil.database.connect(); java.sql.PreparedStatement st = c.prepareStatement(
                "SELECT appearance FROM users WHERE email = ?")) {
            st.setString(1, email);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
