package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The flags themselves need Jersey to build the cookie: WebPagesIT reads them off the real Set-Cookie headers. */
class WebCookiesTest {

    @Test
    void secureExactlyWhenTheSiteIsHttps() {
        assertThat(WebCookies.forSiteRoot("https://vigil.example").secure()).isTrue();
        assertThat(WebCookies.forSiteRoot("http://127.0.0.1:8000").secure()).isFalse();
        assertThat(WebCookies.forSiteRoot("http://https.example").secure()).isFalse();
    }

    @Test
    void tokensAreLongAndFresh() {
        assertThat(WebCookies.newToken()).hasSize(32).matches("[A-Za-z0-9_-]+").isNotEqualTo(WebCookies.newToken());
    }
}
