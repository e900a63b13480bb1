package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code webauthn_credentials}: a user's security key or passkey (its id, COSE public key, counter). */
@Entity
@Table(name = "webauthn_credentials")
public class WebAuthnCredential {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Column(name = "credential_id", nullable = false)
    private byte[] credentialId;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "sign_count", nullable = false)
    private long signCount;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(name = "last_used")
    private OffsetDateTime lastUsed;

    protected WebAuthnCredential() {
    }

    WebAuthnCredential(Long userId, byte[] credentialId, byte[] publicKey, long signCount, String name,
            OffsetDateTime created) {
        this.userId = userId;
        this.credentialId = credentialId;
        this.publicKey = publicKey;
        this.signCount = signCount;
        this.name = name;
        this.created = created;
    }

    Long id() {
        return id;
    }

    Long userId() {
        return userId;
    }

    byte[] credentialId() {
        return credentialId;
    }

    byte[] publicKey() {
        return publicKey;
    }

    long signCount() {
        return signCount;
    }

    String name() {
        return name;
    }

    OffsetDateTime created() {
        return created;
    }

    OffsetDateTime lastUsed() {
        return lastUsed;
    }

    /** Records a verified login: the authenticator's new counter. */
    void used(long counter, OffsetDateTime at) {
        this.signCount = counter;
        this.lastUsed = at;
    }
}
