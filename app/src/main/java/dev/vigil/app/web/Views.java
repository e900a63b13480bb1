package dev.vigil.app.web;

import java.util.List;
import java.util.UUID;

/** The models of the pages, one record per template (jte binds each template's one parameter to one of these). */
public final class Views {

    private static final List<String> ZONES = java.time.ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    private Views() {
    }

    /** landing.jte; {@code home} is the signed-in user's dashboard, or null. */
    public record Landing(Chrome chrome, String home) {
    }

    /** account-form.jte: sign-up or login, with the email typed so far and the error to show (or null). */
    public record AccountForm(Chrome chrome, boolean signUp, String email, String error, String next) {

        /** @param next where a login goes once done (a local path, else null: the dashboard) */
        public AccountForm {
            next = Reauthentication.isLocal(next) ? next : null;
        }

        public AccountForm(Chrome chrome, boolean signUp, String email, String error) {
            this(chrome, signUp, email, error, null);
        }
    }

    /**
     * dashboard.jte: the checks the query keeps, every tag of the project, how many checks it has in all, and the
     * channels the bulk form offers (none for read-only members).
     */
    public record Dashboard(Chrome chrome, UUID project, List<CheckLine> checks, String error, boolean canWrite,
            DashboardQuery query, List<String> allTags, int total,
            List<dev.vigil.app.api.ChannelRow> channels) {

        public String statusUrl() {
            return "/projects/" + project + "/checks/status.json";
        }

        public String url() {
            return "/projects/" + project + "/checks/";
        }

        /** The dashboard with the same filters and this tag. */
        public String tagUrl(String tag) {
            return url() + query.withTag(tag).queryString();
        }

        /** The dashboard with the same filters, sorted by {@code sort}. */
        public String sortUrl(String sort) {
            return url() + new DashboardQuery(query.tags(), query.status(), query.text(), sort).queryString();
        }

        public List<BulkAction> bulkActions() {
            return java.util.Arrays.stream(BulkAction.values()).filter(a -> !a.needsChannel() || !channels.isEmpty())
                    .toList();
        }
    }

    /** bulk-delete.jte: the checks a bulk delete is about to delete, and the dashboard's query to go back to. */
    public record BulkDelete(Chrome chrome, UUID project, List<CheckLine> checks, String back) {

        public String action() {
            return "/projects/" + project + "/checks/bulk/";
        }
    }

    /**
     * details.jte: {@code canWrite} shows the action forms, {@code paused} picks resume over pause, {@code error} is
     * a refused action's message (or null), {@code chartSvg} the {@link RunChart} (markup escaped there), or null, {@code descriptionHtml} the description
     * through {@link Markdown} (raw HTML escaped there), or empty.
     */
    public record Details(Chrome chrome, CheckLine check, List<PingUrl> urls, List<UsageSnippets.Snippet> snippets,
            List<EventLog.Line> events, List<EventLog.Option> filters, boolean canWrite, boolean paused,
            String error, List<DowntimeSummary.Month> downtime, String chartSvg, String descriptionHtml) {

        public String action(String name) {
            return "/checks/" + check.id() + "/details/" + name + "/";
        }

        /** The page showing only events of one type (the filter's plain links). */
        public String only(String type) {
            return check.detailsUrl() + "?events=" + type;
        }
    }

    /** delete.jte: the confirmation a delete asks for. */
    /** The projects a check can move to: those of the user's where they may change checks, but its own. */
    public record TransferCheck(Chrome chrome, CheckLine check, List<dev.vigil.app.accounts.Projects.Summary> targets,
            String error) {

        public String action() {
            return "/checks/" + check.id() + "/details/transfer/";
        }
    }

    public record DeleteCheck(Chrome chrome, CheckLine check) {

        public String action() {
            return "/checks/" + check.id() + "/details/delete/";
        }
    }

    /** schedule.jte: the editor's fields, the preview of them and the error of a refused save (or null). */
    public record ScheduleForm(Chrome chrome, UUID check, String name, SchedulePreview.Fields fields,
            SchedulePreview preview, String error) {

        public String previewUrl() {
            return "/checks/" + check + "/schedule/preview.json";
        }

        /** The IANA zone names the time zone field suggests as the user types. */
        public List<String> zones() {
            return ZONES;
        }
    }

    /** keys.jte: the project's keys, the key just made (shown this once) or null, and an error or null. */
    public record Keys(Chrome chrome, UUID project, List<dev.vigil.app.api.ProjectKeys.Key> keys,
            dev.vigil.app.api.ProjectKeys.NewKey made, String error) {

        public String action() {
            return "/projects/" + project + "/keys/";
        }
    }

    /** One way of pinging a check, as the details page lists them. */
    public record PingUrl(String what, String url) {
    }

    /** notfound.jte: the same page for a check that does not exist and one of another project. */
    /** The docs index ({@code links}) or one page ({@code html}, rendered from the repository's docs/). */
    public record Docs(Chrome chrome, String title, List<DocLink> links, String html) {
    }

    public record DocLink(String href, String title) {
    }

    public record NotFound(Chrome chrome) {
    }

    /** What a template's status badge shows: the status word, "started" while a run is under way. */
    public static String statusWord(String status, boolean started) {
        return started && !"paused".equals(status) && !"down".equals(status) ? "started" : status;
    }

    public static String tagsLine(List<String> tags) {
        return String.join(" ", tags);
    }

    public static List<String> none() {
        return List.of();
    }

    /** The id of a check's row on the dashboard. */
    public static String rowId(UUID check) {
        return "check-" + check;
    }

    static String or(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
