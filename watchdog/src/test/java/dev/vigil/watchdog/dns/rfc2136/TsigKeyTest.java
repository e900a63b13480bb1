package dev.vigil.watchdog.dns.rfc2136;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TsigKeyTest {

    private static final String SECRET = "q6GTR0Jm1VY5mnUXDJC2ox4ukYBkHpqyktqaaNhPlNk=";

    @Test
    void neverShowsTheSecret() {
        assertThat(new TsigKey("vigil-watchdog", "hmac-sha256", SECRET)).hasToString(
                "vigil-watchdog (hmac-sha256)");
    }

    @Test
    void rejectsBadKeysWithTheReason() {
        assertThatThrownBy(() -> new TsigKey("k", "hmac-md4", SECRET))
                .hasMessage("unknown TSIG algorithm \"hmac-md4\"; use one of hmac-sha256, hmac-sha384, hmac-sha512, "
                        + "hmac-sha224, hmac-sha1");
        assertThatThrownBy(() -> new TsigKey("k", "hmac-sha256", "not base64!"))
                .hasMessageStartingWith("the TSIG secret is not valid base64");
        assertThatThrownBy(() -> new TsigKey("k", "hmac-sha256", "c2hvcnQ="))
                .hasMessage("the TSIG secret is only 5 bytes; tsig-keygen makes 32 or more");
        assertThatThrownBy(() -> new TsigKey("a..b", "hmac-sha256", SECRET))
                .hasMessage("not a valid TSIG key name: \"a..b\"");
    }
}
