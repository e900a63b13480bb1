package dev.vigil.app.web;

import dev.vigil.app.api.ApiUrls;
import dev.vigil.app.api.CheckRow;
import dev.vigil.app.checks.StatusNow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A check as the dashboard lists it and the details page heads it; the status is the one status rule's. */
public record CheckLine(UUID id, String name, List<String> tags, String status, String pingUrl, String schedule,
        String lastPing, String detailsUrl) {

    public static CheckLine of(CheckRow row, Instant now, ApiUrls urls) {
        return of(row, now, urls, Optional.empty());
    }

    /** As listed where the project shows slug URLs ({@code slugKey}: its ping key): a check with a slug by it. */
    public static CheckLine of(CheckRow row, Instant now, ApiUrls urls, Optional<String> slugKey) {
        String ping = slugKey.isPresent() && !row.slug().isEmpty() ? urls.pingBySlug(slugKey.get(), row.slug())
                : urls.ping(row.id());
        return new CheckLine(row.id(), row.name().isEmpty() ? "unnamed" : row.name(), row.tagList(),
                statusOf(row, now), ping,
                ScheduleWords.of(row.toSchedule()), RelativeTime.ago(row.lastPing(), now),
                "/checks/" + row.id() + "/details/");
    }

    /** The word the dashboard shows for the check's status at {@code now}: the one status rule's, or "started". */
    public static String statusOf(CheckRow row, Instant now) {
        StatusNow s = row.statusAt(now);
        return Views.statusWord(s.status().word(), s.started());
    }
}
