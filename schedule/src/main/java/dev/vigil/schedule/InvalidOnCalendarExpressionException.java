package dev.vigil.schedule;

/** An OnCalendar schedule that systemd (or Healthchecks) would reject, with the line and field at fault. */
public class InvalidOnCalendarExpressionException extends InvalidScheduleException {

    private static final long serialVersionUID = 1L;

    public InvalidOnCalendarExpressionException(String message) {
        super(message);
    }
}
