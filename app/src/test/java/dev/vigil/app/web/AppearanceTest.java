package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppearanceTest {

    @Test
    void theAccountsChoiceComesFirstThenTheCookiesThenTheSystems() {
        assertThat(Appearance.ofRequest("dark", "light")).isEqualTo(Appearance.DARK);
        assertThat(Appearance.ofRequest(null, "light")).isEqualTo(Appearance.LIGHT);
        assertThat(Appearance.ofRequest("neon", "light")).isEqualTo(Appearance.LIGHT);
        assertThat(Appearance.ofRequest(null, null)).isEqualTo(Appearance.SYSTEM);
        assertThat(Appearance.ofRequest(null, "<b>")).isEqualTo(Appearance.SYSTEM);
        assertThat(Appearance.ofRequest("system", "dark")).isEqualTo(Appearance.SYSTEM);
    }

    @Test
    void theCookieIsSetOnlyWhenItDiffersFromTheAccountsChoice() {
        assertThat(Appearance.cookieToMatch("dark", "light")).contains(Appearance.DARK);
        assertThat(Appearance.cookieToMatch("dark", null)).contains(Appearance.DARK);
        assertThat(Appearance.cookieToMatch("dark", "dark")).isEmpty();
        assertThat(Appearance.cookieToMatch(null, "dark")).isEmpty();
        assertThat(Appearance.cookieToMatch("neon", "dark")).isEmpty();
    }
}
