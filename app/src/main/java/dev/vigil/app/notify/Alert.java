package dev.vigil.app.notify;

import java.time.Instant;
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
 */
public record Alert(UUID checkId, String checkName, String slug, String tags, String projectName,
        String oldStatus, String newStatus, String reason, Instant flipTime, Instant now, LastPing lastPing,
        String checkUrl, boolean test) {

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
        return "fail".equals(reason) ? "The job reported a failure." : "The check did not receive a ping in time.";
    }
}
