package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code users}: the email is stored lower-cased; the password hash is null for a bootstrap user. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false)
    private OffsetDateTime created;

    /** "system", "light" or "dark" (web/Appearance reads it); null until chosen while signed in. */
    @Column
    private String appearance;

    protected UserAccount() {
    }

    UserAccount(String email, String passwordHash, OffsetDateTime created) {
        this.email = email;
        this.passwordHash = passwordHash;
        this.created = created;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    void changeEmail(String normalEmail) {
        this.email = normalEmail;
    }

    String appearance() {
        return appearance;
    }

    void chooseAppearance(String value) {
        this.appearance = value;
    }
}
