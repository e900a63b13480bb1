package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code totp_factors}: a user's TOTP secret, confirmed once a first code matched, and its last step. */
@Entity
@Table(name = "totp_factors")
public class TotpFactor {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private byte[] secret;

    @Column(nullable = false)
    private boolean confirmed;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(nullable = false)
    private OffsetDateTime created;

    protected TotpFactor() {
    }

    TotpFactor(Long userId, byte[] secret, OffsetDateTime created) {
        this.userId = userId;
        this.secret = secret;
        this.created = created;
    }

    byte[] secret() {
        return secret;
    }

    boolean confirmed() {
        return confirmed;
    }

    long lastStep() {
        return lastStep;
    }

    /** Records an accepted code's step (and, the first time, that the factor is confirmed). */
    void accepted(long step) {
        this.lastStep = step;
        this.confirmed = true;
    }
}
