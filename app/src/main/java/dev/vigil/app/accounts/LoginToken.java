package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A row of {@code login_tokens}: a single-use token, hashed: a login link, a password reset, a pending second step,
 * a pending sign-up (no user yet: the address and the chosen password's hash wait here for the emailed link) or a
 * pending email change (the new address waits for the link sent to it).
 */
@Entity
@Table(name = "login_tokens")
public class LoginToken {

    /** What a token is for, as stored in {@code purpose}. */
    public enum Purpose {
        LOGIN("login"), RESET("reset"), SECOND_STEP("second"), SIGN_UP("signup"), EMAIL_CHANGE("email");

        final String stored;

        Purpose(String stored) {
            this.stored = stored;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null for a pending sign-up only. */
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String purpose;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime expires;

    /** The address to prove: a pending sign-up's or email change's; null for the other purposes. */
    @Column
    private String email;

    /** A pending sign-up's password, PBKDF2-hashed as in {@code users}; null for the other purposes. */
    @Column(name = "password_hash")
    private String passwordHash;

    protected LoginToken() {
    }

    LoginToken(Long userId, Purpose purpose, byte[] tokenHash, OffsetDateTime created, OffsetDateTime expires) {
        this.userId = userId;
        this.purpose = purpose.stored;
        this.tokenHash = tokenHash;
        this.created = created;
        this.expires = expires;
    }

    /** A pending sign-up ({@code userId} null) or email change: the address waits for the link sent to it. */
    LoginToken(Long userId, Purpose purpose, byte[] tokenHash, OffsetDateTime created, OffsetDateTime expires,
            String email, String passwordHash) {
        this(userId, purpose, tokenHash, created, expires);
        this.email = email;
        this.passwordHash = passwordHash;
    }

    Long userId() {
        return userId;
    }

    OffsetDateTime expires() {
        return expires;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }
}
