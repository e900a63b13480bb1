package dev.vigil.app.checks;

import java.time.Instant;

/**
 * What the ping path stores in {@code checks.alert_after}: a time that is never later than the moment the check
 * goes down ({@link PingRules#alertAfter}), but not necessarily that moment. A ping to a healthy check usually moves
 * its alert time later; writing that would change an indexed column on every ping, which rules out PostgreSQL's
 * cheap in-page (HOT) updates. So pings move the stored time only earlier, or when the status changes, and the alert
 * sender, when the stored time comes, works out the real one and either marks the check down or stores the real time
 * (one write per alert period instead of one per ping).
 */
public final class StoredAlertTime {

    private StoredAlertTime() {
    }

    /**
     * @param stored       the stored alert time before the pings, or null
     * @param statusBefore the status before the pings
     * @param after        the state after the pings
     * @return the alert time to store
     */
    public static Instant afterPings(Instant stored, CheckStatus statusBefore, CheckState after) {
        Instant real = PingRules.alertAfter(after);
        if (real == null || stored == null || after.status() != statusBefore || real.isBefore(stored)) {
            return real;
        }
        return stored;
    }
}
