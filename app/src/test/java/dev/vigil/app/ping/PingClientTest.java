package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PingClientTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.8.0.0/24, fd00::1");

    private static PingClient from(String peer, Map<String, String> headers) {
        return PingClient.of(PROXIES, peer, "http", headers::get);
    }

    @Test
    void forwardedHeadersAreBelievedFromTrustedProxies() {
        PingClient c = from("10.8.0.7", Map.of("X-Forwarded-For", " 203.0.113.9:4711 , 10.0.0.1",
                "X-Forwarded-Proto", " HTTPS "));
        assertThat(c.remoteAddr()).isEqualTo("203.0.113.9");
        assertThat(c.scheme()).isEqualTo("https");

        PingClient v6 = from("fd00:0:0:0:0:0:0:1", Map.of("X-Forwarded-For", "2001:db8::7"));
        assertThat(v6.remoteAddr()).isEqualTo("2001:db8::7"); // colons of IPv6 are not a port
        assertThat(v6.scheme()).isEqualTo("http");
    }

    @Test
    void forwardedHeadersAreIgnoredFromAnyoneElse() {
        PingClient c = from("192.0.2.1", Map.of("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https"));
        assertThat(c.remoteAddr()).isEqualTo("192.0.2.1");
        assertThat(c.scheme()).isEqualTo("http");
    }

    @Test
    void blankForwardedHeadersFallBackToTheConnection() {
        PingClient c = from("10.8.0.7", Map.of("X-Forwarded-For", " ", "X-Forwarded-Proto", ""));
        assertThat(c.remoteAddr()).isEqualTo("10.8.0.7");
        assertThat(c.scheme()).isEqualTo("http");
    }

    @Test
    void longValuesAreCut() {
        String ua = "u".repeat(250);
        PingClient c = from("10.8.0.7", Map.of("User-Agent", ua, "X-Forwarded-For", "a".repeat(150)));
        assertThat(c.userAgent()).isEqualTo("u".repeat(PingClient.MAX_USER_AGENT));
        assertThat(c.remoteAddr()).hasSize(100);
        assertThat(from("192.0.2.1", Map.of("User-Agent", "curl/8")).userAgent()).isEqualTo("curl/8");
        assertThat(from("192.0.2.1", Map.of()).userAgent()).isNull();
    }
}
