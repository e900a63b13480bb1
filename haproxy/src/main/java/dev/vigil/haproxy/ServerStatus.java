package dev.vigil.haproxy;

/**
 * One server of one backend as HAProxy sees it now. {@code state} is the first word of HAProxy's status column
 * (UP, DOWN, NOLB, DRAIN, MAINT, no check); transitions such as "UP 1/3" count as their first word.
 */
public record ServerStatus(String backend, String server, String state, int currentSessions) {

    static String state(String status) {
        int space = status.indexOf(' ');
        return space < 0 ? status : status.substring(0, space);
    }
}
