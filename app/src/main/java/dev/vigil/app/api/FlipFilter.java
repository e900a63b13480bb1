package dev.vigil.app.api;

import java.time.Instant;

/**
 * The flips list's time filters: {@code seconds} (the last N seconds, 0..31536000) and {@code start} / {@code end}
 * (UNIX times, 0..10^10; start inclusive, end exclusive). Absent parameters do not filter.
 */
public record FlipFilter(Instant from, Instant until) {

    private static final long MAX_UNIX_TIME = 10_000_000_000L;

    public static FlipFilter parse(String seconds, String start, String end, Instant now) {
        Instant from = null;
        Instant until = null;
        if (seconds != null) {
            from = now.minusSeconds(number("seconds", seconds, CheckFields.MAX_SECONDS));
        }
        if (start != null) {
            Instant s = Instant.ofEpochSecond(number("start", start, MAX_UNIX_TIME));
            from = from == null || s.isAfter(from) ? s : from;
        }
        if (end != null) {
            until = Instant.ofEpochSecond(number("end", end, MAX_UNIX_TIME));
        }
        return new FlipFilter(from, until);
    }

    private static long number(String name, String text, long max) {
        if (text.isEmpty() || text.length() > 11 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw ApiException.badRequest(name + " must be a whole number from 0 to " + max);
        }
        long value = Long.parseLong(text);
        if (value > max) {
            throw ApiException.badRequest(name + " must be a whole number from 0 to " + max);
        }
        return value;
    }
}
