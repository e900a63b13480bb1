package dev.vigil.app.api;

import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Finds the check a URL names, by UUID or (where read-only keys may use it) by unique key. */
final class CheckLookup {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CheckLookup() {
    }

    /** The caller's check; 404 when there is none, 403 when it belongs to another project (as Healthchecks does). */
    static CheckRow find(CheckStore store, ApiCaller caller, String ref, boolean lockForWrite, boolean byUniqueKey)
            throws SQLException {
        if (CANONICAL_UUID.matcher(ref).matches()) {
            UUID id = UUID.fromString(ref);
            if (lockForWrite) {
                store.lock(id);
            }
            CheckRow row = store.find(id).orElseThrow(ApiException::notFound);
            if (!row.projectId().equals(caller.projectId())) {
                throw ApiException.forbidden("the check belongs to another project");
            }
            return row;
        }
        if (byUniqueKey && UniqueKeys.looksLikeOne(ref)) {
            return store.list(caller.projectId()).stream().filter(c -> c.uniqueKey().equals(ref)).findFirst()
                    .orElseThrow(ApiException::notFound);
        }
        throw ApiException.notFound();
    }
}
