package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code login_tokens}: a single-use token (login link, password reset, pending second step), hashed. */
@Entity
@Table(name = "login_tokens")
public class LoginToken {

    /** What a token is for, as stored in {@code purpose}. */
    public enum Purpose {
        LOGIN("login"), RESET("reset"), SECOND_STEP("second");

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

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime expires;

    protected LoginToken() {
    }

    LoginToken(Long userId, Purpose purpose, byte[] tokenHash, OffsetDateTime created, OffsetDateTime expires) {
        this.userId = userId;
        this.purpose = purpose.stored;
        this.tokenHash = tokenHash;
        this.created = created;
        this.expires = expires;
    }

    Long userId() {
        return userId;
    }

    OffsetDateTime expires() {
        return expires;
    }
}
