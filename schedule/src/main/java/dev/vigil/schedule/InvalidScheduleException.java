package dev.vigil.schedule;

/**
 * A schedule (period, grace, time zone or cron expression) that Vigil cannot accept.
 *
 * <p>Unchecked because schedules usually come from user input that is validated once, at the edge;
 * the message is written for that user and names the problem precisely.
 */
public class InvalidScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidScheduleException(String message) {
        super(message);
    }

    public InvalidScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
