package dev.vigil.app.accounts;

import java.util.Arrays;

/**
 * A member's role in a project and what it allows: the one access rule every page asks. The stored names are
 * those of {@code project_members.role}.
 */
public enum ProjectRole {
    OWNER("owner"),
    MEMBER("rw"),
    READ_ONLY("ro");

    private final String stored;

    ProjectRole(String stored) {
        this.stored = stored;
    }

    /** The name in {@code project_members.role}. */
    public String stored() {
        return stored;
    }

    /** The role stored as {@code name}. */
    public static ProjectRole ofStored(String name) {
        return Arrays.stream(values()).filter(r -> r.stored.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown project role in the database: " + name));
    }

    /** Whether the member may create, edit, pause or delete checks and channels. */
    public boolean canChange() {
        return this != READ_ONLY;
    }

    /** Whether the member may see, create and revoke the project's API keys. */
    public boolean seesKeys() {
        return this != READ_ONLY;
    }
}
