package dev.vigil.app.accounts;

import java.util.Arrays;
import java.util.Optional;

/**
 * A member's role in a project and what it allows: the one access rule every page asks. The stored names are
 * those of {@code project_members.role}; the labels are what the pages show and their forms send.
 * <ul>
 * <li>owner: everything, and only an owner deletes or transfers the project or makes another owner;</li>
 * <li>manager: the team (but not the owners) and the project's settings, and everything a member does;</li>
 * <li>member: checks, channels and API keys;</li>
 * <li>read-only: sees everything but the API keys, changes nothing.</li>
 * </ul>
 */
public enum ProjectRole {
    OWNER("owner", "owner"),
    MANAGER("manager", "manager"),
    MEMBER("rw", "member"),
    READ_ONLY("ro", "read-only");

    private final String stored;
    private final String label;

    ProjectRole(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    /** The name in {@code project_members.role}. */
    public String stored() {
        return stored;
    }

    /** The name the pages show and their forms send. */
    public String label() {
        return label;
    }

    /** The role stored as {@code name}. */
    public static ProjectRole ofStored(String name) {
        return Arrays.stream(values()).filter(r -> r.stored.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown project role in the database: " + name));
    }

    /** The role a form names by its label; empty for anything else. */
    public static Optional<ProjectRole> ofLabel(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    /** Whether the member may create, edit, pause or delete checks and channels. */
    public boolean canChange() {
        return this != READ_ONLY;
    }

    /** Whether the member may see, create and revoke the project's API keys. */
    public boolean seesKeys() {
        return this != READ_ONLY;
    }

    /** Whether the member may invite people, change roles and remove members. */
    public boolean managesTeam() {
        return this == OWNER || this == MANAGER;
    }

    /** Whether the member may rename the project and change its settings (the ping key, the URLs in lists). */
    public boolean managesSettings() {
        return this == OWNER || this == MANAGER;
    }

    /** Whether the member may delete the project or transfer it to another member. */
    public boolean ownsProject() {
        return this == OWNER;
    }

    /** Whether the member may give {@code role} to someone: a manager gives any role but owner. */
    public boolean mayGrant(ProjectRole role) {
        return managesTeam() && (this == OWNER || role != OWNER);
    }

    /** Whether the member may change the role of, or remove, a member who has {@code role}: a manager not an owner. */
    public boolean mayManage(ProjectRole role) {
        return managesTeam() && (this == OWNER || role != OWNER);
    }
}
