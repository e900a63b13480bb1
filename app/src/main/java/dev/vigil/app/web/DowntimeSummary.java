package dev.vigil.app.web;

import dev.vigil.app.api.FlipEvent;
import dev.vigil.app.reports.Downtime;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A check's downtime in each of the last months (UTC), replayed from its flips by the reports' rule
 * ({@link Downtime#within}): the total time down, how many times it went down, and the uptime.
 */
public final class DowntimeSummary {

    /** One month; the current one runs until now. */
    public record Month(String label, String downtime, int downs, String uptime, Duration down) {
    }

    private DowntimeSummary() {
    }

    /** Where the summary's flips start: the first instant of the oldest month shown. */
    public static Instant from(Instant now, int months) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(months - 1L).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * @param statusBefore  the status the last flip before {@link #from} left, or null when there was none
     * @param currentStatus the check's status now (what it has always been when it never flipped)
     * @param flips         the flips since {@link #from}, in any order
     * @return the months, newest first
     */
    public static List<Month> of(Instant now, int months, String statusBefore, String currentStatus,
            List<FlipEvent> flips) {
        List<FlipEvent> oldestFirst = flips.stream().sorted(Comparator.comparing(FlipEvent::created)).toList();
        String status = statusBefore != null ? statusBefore
                : oldestFirst.isEmpty() ? currentStatus : oldestFirst.get(0).oldStatus();
        List<Downtime.Flip> replay = oldestFirst.stream().map(f -> new Downtime.Flip(f.created(), f.newStatus()))
                .toList();
        List<Month> list = new ArrayList<>();
        YearMonth month = YearMonth.from(from(now, months).atZone(ZoneOffset.UTC));
        for (int i = 0; i < months; i++, month = month.plusMonths(1)) {
            Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (end.isAfter(now)) {
                end = now;
            }
            Duration down = Downtime.within(start, end, status, replay);
            int downs = 0;
            for (FlipEvent f : oldestFirst) {
                if (!f.created().isBefore(start) && f.created().isBefore(end)) {
                    downs += "down".equals(f.newStatus()) ? 1 : 0;
                    status = f.newStatus();
                }
            }
            list.add(0, new Month(month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + month.getYear(), Downtime.describe(down), downs, uptime(down, Duration.between(start, end)),
                    down));
        }
        return list;
    }

    /** "100%", "99.93%": two decimals, never rounded up to 100% while there was downtime. */
    static String uptime(Duration down, Duration length) {
        if (down.isZero() || length.isZero()) {
            return "100%";
        }
        long basisPoints = (length.toMillis() - down.toMillis()) * 10_000 / length.toMillis(); // floors
        return String.format(Locale.ROOT, "%d.%02d%%", basisPoints / 100, basisPoints % 100);
    }
}
