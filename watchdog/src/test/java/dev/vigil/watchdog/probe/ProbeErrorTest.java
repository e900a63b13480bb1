package dev.vigil.watchdog.probe;

import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.security.cert.CertificateException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a failed probe reads: each message once, the most specific cause where it adds something. */
class ProbeErrorTest {

    @Test
    void aCauseWhoseMessageTheErrorRepeatsIsNotRepeated() {
        SSLHandshakeException e = new SSLHandshakeException("No subject alternative DNS name matching x found.");
        e.initCause(new CertificateException("No subject alternative DNS name matching x found."));
        assertThat(HttpsProbe.describe(e))
                .isEqualTo("SSLHandshakeException: No subject alternative DNS name matching x found.");
    }

    @Test
    void aCauseThatSaysMoreIsShownOnce() {
        IOException e = new IOException("handshake failed", new CertificateException("certificate expired"));
        assertThat(HttpsProbe.describe(e)).isEqualTo("IOException: handshake failed (certificate expired)");
        IOException wrapped = new IOException("expired", new CertificateException("certificate expired on 2026-01-01"));
        assertThat(HttpsProbe.describe(wrapped)).isEqualTo("IOException: certificate expired on 2026-01-01");
    }

    @Test
    void anErrorWithoutCauseIsItsOwnMessage() {
        assertThat(HttpsProbe.describe(new IOException("Connection refused")))
                .isEqualTo("IOException: Connection refused");
    }
}
