package dev.vigil.app.ping;

import dev.vigil.app.checks.PingKind;
import dev.vigil.app.checks.PingSignal;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A ping URL taken apart: {@code /ping/<uuid>[/<action>]} or {@code /ping/<ping key>/<slug>[/<action>]}, where the
 * action is {@code start}, {@code fail}, {@code log} or an exit status 0-255. Parsed by hand: this runs for every
 * ping, and the grammar is small.
 */
public record PingUrl(UUID checkId, String pingKey, String slug, PingKind kind, Integer exitStatus) {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern KEY_OR_SLUG = Pattern.compile("[-a-zA-Z0-9_]+");
    // Healthchecks' limit on a check's slug (and name, which an auto-created check takes from the slug).
    public static final int MAX_SLUG_LENGTH = 100;

    /** Why a URL is not a ping URL: the status and body to answer with. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Rejected(int status, String body) {
            super(body, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public boolean bySlug() {
        return checkId == null;
    }

    /** @param path the part after {@code /ping/}, e.g. {@code 5f3c.../start} */
    public static PingUrl parse(String path) throws Rejected {
        if (path == null || path.isEmpty()) {
            throw notFound();
        }
        String[] parts = path.split("/", -1);
        if (UUID_FORM.matcher(parts[0]).matches()) {
            UUID id = UUID.fromString(parts[0]);
            if (parts.length == 1 || (parts.length == 2 && parts[1].isEmpty())) {
                return new PingUrl(id, null, null, PingKind.SUCCESS, null);
            }
            if (parts.length == 2) {
                return action(id, null, null, parts[1]);
            }
            throw notFound();
        }
        if (parts.length < 2 || parts.length > 3 || !KEY_OR_SLUG.matcher(parts[0]).matches()
                || !KEY_OR_SLUG.matcher(parts[1]).matches()) {
            throw notFound();
        }
        if (!parts[1].equals(parts[1].toLowerCase(Locale.ROOT))) {
            throw new Rejected(400, "invalid url format");
        }
        if (parts[1].length() > MAX_SLUG_LENGTH) {
            // No check has such a slug, and ?create=1 cannot make one: Healthchecks' checks keep 100 characters.
            throw notFound();
        }
        return parts.length == 2
                ? new PingUrl(null, parts[0], parts[1], PingKind.SUCCESS, null)
                : action(null, parts[0], parts[1], parts[2]);
    }

    private static PingUrl action(UUID id, String key, String slug, String action) throws Rejected {
        switch (action) {
            case "start":
                return new PingUrl(id, key, slug, PingKind.START, null);
            case "fail":
                return new PingUrl(id, key, slug, PingKind.FAIL, null);
            case "log":
                return new PingUrl(id, key, slug, PingKind.LOG, null);
            default:
                if (action.isEmpty() || !action.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw notFound();
                }
                // Any run of digits is a number, as in Healthchecks' URL pattern: /0255 is 255.
                String digits = action.replaceFirst("^0+(?=.)", "");
                if (digits.length() > 3 || Integer.parseInt(digits) > 255) {
                    throw new Rejected(400, "invalid url format");
                }
                int status = Integer.parseInt(digits);
                return new PingUrl(id, key, slug, PingSignal.kindOfExitStatus(status), status);
        }
    }

    /** A run id from {@code ?rid=}: a UUID in either letter case; present but empty is malformed too. */
    public static UUID parseRid(String value) throws Rejected {
        if (value == null) {
            return null;
        }
        if (value.length() != 36 || !UUID_FORM.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            throw new Rejected(400, "invalid uuid format");
        }
        return UUID.fromString(value);
    }

    private static Rejected notFound() {
        return new Rejected(404, "not found");
    }
}
