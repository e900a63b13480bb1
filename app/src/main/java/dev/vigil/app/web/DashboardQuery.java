package dev.vigil.app.web;

import dev.vigil.app.api.CheckRow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What the dashboard's query string asks for: checks carrying every tag given, of one status, whose name, slug or
 * UUID contains the text (ignoring case), sorted by name, status (worst first), last ping (newest first) or, by
 * default, as created. Values it does not know are ignored, so a hand-edited address still shows a page.
 */
public record DashboardQuery(List<String> tags, String status, String text, String sort) {

    /** The sorts offered, with their labels; {@code -name} and {@code -last_ping} reverse them. */
    public static final List<String> SORTS = List.of("created", "name", "-name", "status", "last_ping",
            "-last_ping");
    public static final List<String> STATUSES = List.of("down", "grace", "started", "up", "new", "paused");
    private static final Set<String> SORT_SET = Set.copyOf(SORTS);

    public DashboardQuery {
        tags = tags == null ? List.of() : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .distinct().toList();
        status = status != null && STATUSES.contains(status) ? status : "";
        text = text == null ? "" : text.strip();
        sort = sort != null && SORT_SET.contains(sort) ? sort : "created";
    }

    public static final DashboardQuery ALL = new DashboardQuery(List.of(), "", "", "created");

    public boolean filtered() {
        return !tags.isEmpty() || !status.isEmpty() || !text.isEmpty();
    }

    /** The rows the query keeps, in its order ({@code rows} come oldest first, as the store lists them). */
    public List<CheckRow> apply(List<CheckRow> rows, Instant now) {
        String needle = text.toLowerCase(Locale.ROOT);
        return rows.stream()
                .filter(r -> r.hasTags(tags))
                .filter(r -> status.isEmpty() || status.equals(CheckLine.statusOf(r, now)))
                .filter(r -> needle.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(needle)
                        || r.slug().toLowerCase(Locale.ROOT).contains(needle) || r.id().toString().contains(needle))
                .sorted(comparator(now))
                .toList();
    }

    private Comparator<CheckRow> comparator(Instant now) {
        Comparator<CheckRow> byName = Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT));
        // never pinged sorts last either way; ties keep the created order (the sort is stable)
        Comparator<CheckRow> byPing = Comparator.comparing(CheckRow::lastPing,
                Comparator.nullsLast(Comparator.reverseOrder()));
        return switch (sort) {
            case "name" -> byName;
            case "-name" -> byName.reversed();
            case "status" -> Comparator.comparingInt(r -> STATUSES.indexOf(CheckLine.statusOf(r, now)));
            case "last_ping" -> byPing;
            case "-last_ping" -> Comparator.comparing(CheckRow::lastPing, Comparator.nullsLast(Comparator.naturalOrder()));
            default -> (a, b) -> 0;
        };
    }

    /** This query as a query string ("?tag=db&sort=name"), or "" for the plain dashboard. */
    public String queryString() {
        StringBuilder q = new StringBuilder();
        for (String t : tags) {
            add(q, "tag", t);
        }
        add(q, "status", status);
        add(q, "q", text);
        if (!"created".equals(sort)) {
            add(q, "sort", sort);
        }
        return q.toString();
    }

    /** The same filters with one tag (a tag pill's link). */
    public DashboardQuery withTag(String tag) {
        return new DashboardQuery(List.of(tag), status, text, sort);
    }

    private static void add(StringBuilder q, String name, String value) {
        if (!value.isEmpty()) {
            q.append(q.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The checks named by a bulk form, if every one of them is among {@code rows} (the project's). */
    static java.util.Optional<List<CheckRow>> selected(List<CheckRow> rows, List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return java.util.Optional.of(List.of());
        }
        Set<UUID> wanted = new java.util.HashSet<>();
        for (String id : ids) {
            java.util.Optional<UUID> uuid = PageAccess.uuid(id);
            if (uuid.isEmpty()) {
                return java.util.Optional.empty();
            }
            wanted.add(uuid.get());
        }
        List<CheckRow> found = rows.stream().filter(r -> wanted.contains(r.id())).toList();
        return found.size() == wanted.size() ? java.util.Optional.of(found) : java.util.Optional.empty();
    }
}
