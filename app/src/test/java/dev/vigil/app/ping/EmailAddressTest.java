package dev.vigil.app.ping;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    private static final String DOMAIN = "hc.example.com";
    private static final UUID ID = UUID.fromString("5f3b1c9e-8a2d-4e7f-9b1a-0c6d2e4f8a10");

    @Test
    void aUuidMailboxOfThePingDomainIsThatCheck() {
        assertThat(EmailAddress.target(ID + "@hc.example.com", DOMAIN)).get()
                .extracting(PingUrl::checkId).isEqualTo(ID);
        assertThat(EmailAddress.target("<" + ID.toString().toUpperCase() + "@HC.Example.COM>", DOMAIN)).get()
                .extracting(PingUrl::checkId).isEqualTo(ID);
    }

    @Test
    void aKeyPlusSlugMailboxIsThatSlugInThatProject() {
        PingUrl url = EmailAddress.target("AbC_123-xyz+nightly-backup@hc.example.com", DOMAIN).orElseThrow();
        assertThat(url.bySlug()).isTrue();
        assertThat(url.pingKey()).isEqualTo("AbC_123-xyz");
        assertThat(url.slug()).isEqualTo("nightly-backup");
    }

    @Test
    void everythingElseNamesNoCheck() {
        assertThat(EmailAddress.target(ID + "@other.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target(ID + "@sub.hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("postmaster@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("key+Upper@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("key+@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("+slug@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("key+a+b@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("key+" + "s".repeat(101) + "@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("user@example.net@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target("@hc.example.com", DOMAIN)).isEmpty();
        assertThat(EmailAddress.target(ID + "x@hc.example.com", DOMAIN)).isEmpty();
    }
}
