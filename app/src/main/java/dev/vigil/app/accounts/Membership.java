package dev.vigil.app.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A row of {@code project_members}: a user's role in a project, stored as {@link ProjectRole#stored()}. */
@Entity
@Table(name = "project_members")
@IdClass(Membership.Key.class)
public class Membership {

    public static final String OWNER = "owner";

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID projectId;
        public Long userId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.projectId.equals(projectId) && k.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return projectId.hashCode() * 31 + userId.hashCode();
        }
    }

    @Id
    @Column(name = "project_id")
    private UUID projectId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false)
    private String role;

    protected Membership() {
    }

    Membership(UUID projectId, Long userId, String role) {
        this.projectId = projectId;
        this.userId = userId;
        this.role = role;
    }

    public UUID projectId() {
        return projectId;
    }

    Membership(UUID projectId, Long userId, ProjectRole role) {
        this(projectId, userId, role.stored());
    }

    public String role() {
        return role;
    }

    public Long userId() {
        return userId;
    }

    /** The role, as the access rule knows it. */
    public ProjectRole projectRole() {
        return ProjectRole.ofStored(role);
    }

    void changeRole(ProjectRole to) {
        this.role = to.stored();
    }
}
