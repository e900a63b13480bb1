package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code webauthn_challenges}: a random challenge handed out for one registration or one login. */
@Entity
@Table(name = "webauthn_challenges")
public class WebAuthnChallenge {

    /** What a challenge is for, as stored in {@code purpose}. */
    enum Purpose {
        REGISTER("register"), LOGIN("login");

        final String stored;

        Purpose(String stored) {
            this.stored = stored;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(nullable = false)
    private String purpose;

    @Column(nullable = false)
    private byte[] challenge;

    @Column(nullable = false)
    private OffsetDateTime expires;

    protected WebAuthnChallenge() {
    }

    WebAuthnChallenge(Long userId, Purpose purpose, byte[] challenge, OffsetDateTime expires) {
        this.userId = userId;
        this.purpose = purpose.stored;
        this.challenge = challenge;
        this.expires = expires;
    }
}
