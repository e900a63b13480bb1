package dev.vigil.app.notify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a notification tells: a check changed status (or a user asked for a test). Plain data, the same for every
 * channel; each channel kind decides how to say it.
 *
 * @param checkName  may be empty; {@link #title()} then uses the UUID
 * @param tags       space-separated, as stored
 * @param newStatus  "down" or "up"
 * @param reason     for "down": "timeout" (no ping in time) or "fail" (a failure was reported), else ""
 * @param flipTime   when the check changed status (for a timeout, the alert time)
 * @param now        when the notification is made
 * @param lastPing   the check's most recent ping, or null if it never had one
 * @param checkUrl   the check's page on the site
 * @param test       a test notification sent by a user, not a real change
 * @param heldDependents for "down": the names of the checks whose own alerts are held because they depend on this
 *                   one (docs/alerts.md, "Dependencies")
 */
public record Alert(UUID checkId, String checkName, String slug, String tags, String projectName,
        String oldStatus, String newStatus, String reason, Instant flipTime, Instant now, LastPing lastPing,
        String checkUrl, boolean test, List<String> heldDependents) {

    public Alert {
        heldDependents = heldDependents == null ? List.of() : List.copyOf(heldDependents);
    }

    /** An alert that holds back no dependents. */
    public Alert(UUID checkId, String checkName, String slug, String tags, String projectName, String oldStatus,
            String newStatus, String reason, Instant flipTime, Instant now, LastPing lastPing, String checkUrl,
            boolean test) {
        this(checkId, checkName, slug, tags, projectName, oldStatus, newStatus, reason, flipTime, now, lastPing,
                checkUrl, test, List.of());
    }

    /**
     * The check's last ping.
     *
     * @param exitStatus null when the ping did not carry one
     * @param body       the body as text, or a note in parentheses when it is not available
     */
    public record LastPing(long n, Instant created, String kind, Integer exitStatus, String remoteAddr,
            String body) {
    }

    public boolean down() {
        return "down".equals(newStatus);
    }

    /** The check's name, or its UUID when it has none. */
    public String title() {
        return checkName == null || checkName.isBlank() ? checkId.toString() : checkName;
    }

    /** "Backup is DOWN", "Backup is UP", with a test marker for test notifications. */
    public String headline() {
        return (test ? "[test] " : "") + title() + " is " + newStatus.toUpperCase(Locale.ROOT);
    }

    /** Why, in one sentence. */
    public String explanation() {
        if (test) {
            return "This is a test notification sent from Vigil; the check's status did not change.";
        }
        if (!down()) {
            return "The check received a ping and is up again.";
        }
        String why = "fail".equals(reason) ? "The job reported a failure." : "The check did not receive a ping in time.";
        return heldDependents.isEmpty() ? why : why + " " + dependents() + (heldDependents.size() == 1 ? " is" : " are")
                + " down because " + title() + " is down; " + (heldDependents.size() == 1 ? "it is" : "they are")
                + " told if still down when " + title() + " is back.";
    }

    /** "backups, rsync and reports". */
    private String dependents() {
        int n = heldDependents.size();
        return n == 1 ? heldDependents.get(0)
                : String.join(", ", heldDependents.subList(0, n - 1)) + " and " + heldDependents.get(n - 1);
    }
}
