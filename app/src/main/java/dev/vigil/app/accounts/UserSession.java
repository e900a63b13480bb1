package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code sessions}: a logged-in browser, known by the SHA-256 hash of its cookie's token. */
@Entity
@Table(name = "sessions")
public class UserSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime expires;

    @Column(name = "last_seen")
    private OffsetDateTime lastSeen;

    @Column(name = "user_agent")
    private String userAgent;

    /** Until when the user's password was proved again in this session (re-authentication). */
    @Column(name = "reauth_until")
    private OffsetDateTime reauthUntil;

    protected UserSession() {
    }

    UserSession(UserAccount user, byte[] tokenHash, OffsetDateTime created, OffsetDateTime expires,
            String userAgent) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.created = created;
        this.expires = expires;
        this.lastSeen = created;
        this.userAgent = userAgent;
        this.reauthUntil = created.plus(AccountSettings.REAUTH_WINDOW); // a login has just proved it is the user
    }

    Long id() {
        return id;
    }

    OffsetDateTime created() {
        return created;
    }

    OffsetDateTime lastSeen() {
        return lastSeen;
    }

    String userAgent() {
        return userAgent;
    }

    OffsetDateTime reauthUntil() {
        return reauthUntil;
    }

    void reauthenticated(OffsetDateTime until) {
        this.reauthUntil = until;
    }

    UserAccount user() {
        return user;
    }
}
