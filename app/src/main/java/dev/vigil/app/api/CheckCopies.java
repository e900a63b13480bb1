package dev.vigil.app.api;

/** Healthchecks' rule for a copy of a check: the settings, not the history, with " (copy)" and "-copy" added. */
public final class CheckCopies {

    /** Names are cut so that the copy's stays within the API's 100 characters. */
    static final int NAME_KEPT = 90;
    private static final int SLUG_MAX = 100;

    private CheckCopies() {
    }

    /** {@code original}'s settings on the freshly inserted row {@code blank} (its id, badge key and new state). */
    public static CheckRow of(CheckRow original, CheckRow blank) {
        return new CheckRow(blank.id(), blank.projectId(), name(original.name()), slug(original.slug()),
                original.tags(), original.desc(), original.kind(), original.timeout(), original.grace(),
                original.schedule(), original.tz(), original.manualResume(), original.methods(), blank.status(),
                blank.lastStart(), blank.lastStartRid(), blank.lastPing(), blank.lastDurationMs(), blank.nPings(),
                blank.badgeKey(), original.channels(), original.alertAfterFailures(), original.startDeadline(),
                original.keywords());
    }

    public static String name(String name) {
        return name.length() > NAME_KEPT ? name.substring(0, NAME_KEPT) + "... (copy)" : name + " (copy)";
    }

    static String slug(String slug) {
        if (slug.isEmpty()) {
            return "";
        }
        return (slug.length() > SLUG_MAX - 5 ? slug.substring(0, SLUG_MAX - 5) : slug) + "-copy";
    }
}
