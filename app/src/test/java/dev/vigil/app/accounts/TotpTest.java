package dev.vigil.app.accounts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The TOTP generator against RFC 6238's test vectors (appendix B, SHA-1) and RFC 4226's HOTP vectors. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Sha1Vectors() {
        assertThat(code(59)).isEqualTo("94287082");
        assertThat(code(1111111109)).isEqualTo("07081804");
        assertThat(code(1111111111)).isEqualTo("14050471");
        assertThat(code(1234567890)).isEqualTo("89005924");
        assertThat(code(2000000000)).isEqualTo("69279037");
        assertThat(code(20000000000L)).isEqualTo("65353130");
    }

    @Test
    void rfc4226HotpVectorsAtSixDigits() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_SECRET, counter, 6)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void acceptsOneStepEitherSideAndNeverAStepTwice() {
        Instant now = Instant.ofEpochSecond(1111111109);
        long step = Totp.step(now);
        String current = Totp.code(RFC_SECRET, step, 6);
        assertThat(Totp.matchingStep(RFC_SECRET, current, now, 0)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1, 6), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1, 6), now, 0)).hasValue(step + 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2, 6), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, current, now, step)).as("used once already").isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "123 " + current.substring(3), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, current.substring(0, 3) + " " + current.substring(3), now, 0))
                .as("spaces are ignored").hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void base32AndTheKeyUri() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Totp.uri("Vigil", "a b@example.com", RFC_SECRET)).isEqualTo("otpauth://totp/Vigil%3Aa%20b%40example.com"
                + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigil&algorithm=SHA1&digits=6&period=30");
    }

    private static String code(long seconds) {
        return Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds)), 8);
    }
}
