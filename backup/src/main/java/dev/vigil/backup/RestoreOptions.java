package dev.vigil.backup;

/**
 * {@code force}: restore into a database that already has tables, replacing the objects the backup contains
 * ({@code pg_restore --clean --if-exists}); others are left alone. {@code noOwner}: do not restore owners
 * and grants, for a server that lacks the original roles.
 */
public record RestoreOptions(boolean force, boolean noOwner) {

    public static final RestoreOptions DEFAULT = new RestoreOptions(false, false);
}
