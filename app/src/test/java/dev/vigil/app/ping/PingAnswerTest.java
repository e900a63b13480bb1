package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PingAnswerTest {

    private static List<String> headers(PingAnswer a) {
        List<String> h = new ArrayList<>();
        a.headers(100_000, (name, value) -> h.add(name + ": " + value));
        return h;
    }

    @Test
    void everyAnswerCarriesCorsCachingAndTheBodyLimit() {
        PingAnswer ok = PingAnswer.of(PingResult.OK);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.bytes()).containsExactly('O', 'K');
        assertThat(ok.preflight()).isFalse();
        assertThat(headers(ok)).containsExactly(
                "Access-Control-Allow-Origin: *",
                "Cache-Control: no-cache, no-store, must-revalidate, max-age=0",
                "Ping-Body-Limit: 100000",
                "Content-Type: text/plain; charset=utf-8");
        assertThat(headers(PingAnswer.of(PingResult.UNAVAILABLE))).isEqualTo(headers(ok));
    }

    @Test
    void resultsAndRejectionsKeepTheirStatusAndText() {
        assertThat(PingAnswer.of(PingResult.AMBIGUOUS_SLUG)).hasToString("409 ambiguous slug");
        assertThat(PingAnswer.of(PingResult.UNAVAILABLE)).hasToString("503 service unavailable, please retry");
        assertThat(PingAnswer.NOT_FOUND).hasToString("404 not found");
        assertThat(PingAnswer.of(new PingUrl.Rejected(400, "invalid url format"))).hasToString("400 invalid url format");
    }

    @Test
    void preflightHasCorsHeadersAndNoBody() {
        assertThat(PingAnswer.PREFLIGHT.status()).isEqualTo(204);
        assertThat(PingAnswer.PREFLIGHT.bytes()).isEmpty();
        assertThat(headers(PingAnswer.PREFLIGHT)).containsExactly(
                "Access-Control-Allow-Origin: *",
                "Access-Control-Allow-Methods: GET, HEAD, POST",
                "Access-Control-Allow-Headers: *",
                "Access-Control-Max-Age: 86400");
    }
}
