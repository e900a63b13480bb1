package dev.vigil.watchdog.dns.rfc2136;

import dev.vigil.watchdog.DnsException;
import dev.vigil.watchdog.fixture.Bind9;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RFC 2136 provider against a real BIND 9: adds and removes, and how refusals read. */
class Rfc2136RecordsIT {

    @TempDir
    static Path dir;
    private static Bind9 bind;

    @BeforeAll
    static void start() {
        bind = new Bind9(dir, "example.test", List.of("app IN A 192.0.2.1", "app IN AAAA 2001:db8::1"),
                List.of("app.example.test"));
        bind.start();
    }

    @AfterAll
    static void stop() {
        bind.close();
    }

    private Rfc2136Records records(String secret) {
        return new Rfc2136Records(bind.address(), "example.test", new TsigKey(Bind9.KEY_NAME, Bind9.ALGORITHM,
                secret), Duration.ofSeconds(2));
    }

    @Test
    void addsAndRemovesSingleAddressesIdempotently() throws Exception {
        Rfc2136Records dns = records(bind.secret());
        InetAddress v4 = InetAddress.getByName("192.0.2.2");
        InetAddress v6 = InetAddress.getByName("2001:db8::2");
        dns.add("app.example.test", v4, 60);
        dns.add("app.example.test", v4, 60);
        dns.add("app.example.test", v6, 60);
        assertThat(dns.addresses("app.example.test")).containsExactlyInAnyOrder(
                InetAddress.getByName("192.0.2.1"), v4, InetAddress.getByName("2001:db8::1"), v6);
        dns.remove("app.example.test", v4);
        dns.remove("app.example.test", v4);
        dns.remove("app.example.test", v6);
        assertThat(dns.addresses("app.example.test")).containsExactlyInAnyOrder(
                InetAddress.getByName("192.0.2.1"), InetAddress.getByName("2001:db8::1"));
    }

    @Test
    void aWrongSecretIsRefusedWithAHint() {
        Rfc2136Records wrong = records("q6GTR0Jm1VY5mnUXDJC2ox4ukYBkHpqyktqaaNhPlNk=");
        assertThatThrownBy(() -> wrong.add("app.example.test", InetAddress.getByName("192.0.2.9"), 60))
                .isInstanceOf(DnsException.class)
                .hasMessageContaining("answered NOTAUTH to add app.example.test 192.0.2.9 without a valid TSIG "
                        + "signature (the server does not know key vigil-watchdog (hmac-sha256), the secret differs");
    }

    @Test
    void aNameThePolicyDoesNotGrantIsRefused() {
        assertThatThrownBy(() -> records(bind.secret()).add("other.example.test", InetAddress.getByName(
                "192.0.2.9"), 60)).isInstanceOf(DnsException.class)
                .hasMessageEndingWith("refused to add other.example.test 192.0.2.9: REFUSED (the zone's "
                        + "update-policy does not grant this key the name)");
        assertThatThrownBy(() -> records(bind.secret()).remove("vigil.example.org", InetAddress.getByName(
                "192.0.2.9"))).hasMessage("vigil.example.org is not inside zone example.test.");
    }
}
