package dev.vigil.app.bodies;

import java.util.UUID;

/**
 * Object keys of ping bodies: {@code <check uuid>/<sortable>-<serial>}, where {@code sortable} is
 * {@code Long.MAX_VALUE - serial} in 19 digits. Newer pings sort first, so "every body of this check older than
 * serial n" is one listing of the check's prefix that starts after {@code key(check, n)}.
 */
public final class ObjectKeys {

    private ObjectKeys() {
    }

    public static String key(UUID checkId, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("ping serials start at 1, got " + n);
        }
        return prefix(checkId) + String.format("%019d", Long.MAX_VALUE - n) + '-' + n;
    }

    /** The prefix of all of a check's objects. */
    public static String prefix(UUID checkId) {
        return checkId + "/";
    }

    /** The key to start a listing after, to see exactly the bodies of serials below {@code n}. */
    public static String startAfterForOlderThan(UUID checkId, long n) {
        return key(checkId, n);
    }

    /** The serial at the end of a key made by {@link #key}. */
    public static long serialOf(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
