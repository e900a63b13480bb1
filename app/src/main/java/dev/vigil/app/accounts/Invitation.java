package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A row of {@code invitations}: an emailed invitation to a project, known by the SHA-256 hash of its link's token. */
@Entity
@Table(name = "invitations")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String role;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(nullable = false)
    private OffsetDateTime created;

    @Column(nullable = false)
    private OffsetDateTime expires;

    protected Invitation() {
    }

    Invitation(UUID projectId, String email, ProjectRole role, byte[] tokenHash, Long invitedBy,
            OffsetDateTime created, OffsetDateTime expires) {
        this.projectId = projectId;
        this.email = email;
        this.role = role.stored();
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.created = created;
        this.expires = expires;
    }

    Long id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    String email() {
        return email;
    }

    ProjectRole projectRole() {
        return ProjectRole.ofStored(role);
    }

    OffsetDateTime expires() {
        return expires;
    }
}
