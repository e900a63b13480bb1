package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code recovery_codes}: one single-use recovery code of the second factor, as its SHA-256 hash. */
@Entity
@Table(name = "recovery_codes")
public class RecoveryCode {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "code_hash", nullable = false)
    private byte[] codeHash;

    protected RecoveryCode() {
    }

    RecoveryCode(Long userId, byte[] codeHash) {
        this.userId = userId;
        this.codeHash = codeHash;
    }
}
