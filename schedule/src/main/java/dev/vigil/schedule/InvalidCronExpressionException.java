package dev.vigil.schedule;

/**
 * A cron expression that Debian's cron would reject, or that Vigil rejects because cron would
 * silently accept it with a meaning nobody intends (a field that never matches, trailing junk).
 */
public class InvalidCronExpressionException extends InvalidScheduleException {

    private static final long serialVersionUID = 1L;

    public InvalidCronExpressionException(String message) {
        super(message);
    }
}
