package dev.vigil.app.web;

import dev.vigil.app.api.FlipEvent;
import dev.vigil.app.api.NotificationEvent;
import dev.vigil.app.api.RecentPing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The details page's event log: pings, flips (status changes) and notifications with their delivery result, merged
 * newest first and filtered by type, from the {@code events} query parameter (checkboxes or plain links, no script).
 */
public final class EventLog {

    /** The types of event, in the order the filter lists them; at equal times the later type happened later. */
    public enum Type {
        PING("ping", "Pings"), FLIP("flip", "Status changes"), NOTIFICATION("notification", "Notifications");

        private final String param;
        private final String label;

        Type(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }
    }

    /** One type in the filter: whether it is shown, and the link that shows only it. */
    public record Option(String param, String label, boolean checked) {
    }

    /** One line of the log; the ping-only fields are empty for the other types. */
    public record Line(String type, String time, String ago, String what, String source, String userAgent,
            String duration, String detail, String bodyPreview) {
    }

    private record Dated(Instant at, Type type, Line line) {
    }

    private EventLog() {
    }

    /** The types asked for; none (or only unknown ones) means all. */
    public static Set<Type> shown(List<String> params) {
        Set<Type> shown = EnumSet.noneOf(Type.class);
        for (String p : params == null ? List.<String>of() : params) {
            for (Type t : Type.values()) {
                if (t.param.equals(p)) {
                    shown.add(t);
                }
            }
        }
        return shown.isEmpty() ? EnumSet.allOf(Type.class) : shown;
    }

    public static List<Option> options(Set<Type> shown) {
        return java.util.Arrays.stream(Type.values()).map(t -> new Option(t.param, t.label, shown.contains(t)))
                .toList();
    }

    /** The newest {@code limit} events of the types shown, newest first. */
    public static List<Line> merge(List<RecentPing> pings, List<FlipEvent> flips, List<NotificationEvent> notes,
            Set<Type> shown, Instant now, int limit) {
        List<Dated> all = new ArrayList<>();
        if (shown.contains(Type.PING)) {
            for (RecentPing p : pings) {
                all.add(new Dated(p.created(), Type.PING, new Line(Type.PING.param, p.created().toString(),
                        RelativeTime.ago(p.created(), now), p.kind(), "#" + p.n() + " " + p.scheme() + " "
                        + p.method() + " from " + Views.or(p.remoteAddr(), "unknown"), Views.or(p.userAgent(), ""),
                        p.durationMs() == null ? "" : p.durationMs() + " ms", "", p.bodyPreview())));
            }
        }
        if (shown.contains(Type.FLIP)) {
            for (FlipEvent f : flips) {
                all.add(new Dated(f.created(), Type.FLIP, new Line(Type.FLIP.param, f.created().toString(),
                        RelativeTime.ago(f.created(), now), f.oldStatus() + " → " + f.newStatus(), "", "", "",
                        reason(f.reason()), null)));
            }
        }
        if (shown.contains(Type.NOTIFICATION)) {
            for (NotificationEvent n : notes) {
                all.add(new Dated(n.created(), Type.NOTIFICATION, new Line(Type.NOTIFICATION.param,
                        n.created().toString(), RelativeTime.ago(n.created(), now), "notified " + n.newStatus(),
                        channel(n), "", "", delivery(n), null)));
            }
        }
        all.sort(Comparator.comparing(Dated::at).thenComparing(Dated::type).reversed());
        return all.stream().limit(limit).map(Dated::line).toList();
    }

    static String reason(String reason) {
        return switch (reason == null ? "" : reason) {
            case "timeout" -> "no ping in time";
            case "fail" -> "a failure was reported";
            default -> "";
        };
    }

    static String channel(NotificationEvent n) {
        if (n.channelKind() == null) {
            return "a deleted channel";
        }
        return n.channelName() == null || n.channelName().isEmpty() ? n.channelKind()
                : n.channelKind() + " “" + n.channelName() + "”";
    }

    /** What became of the delivery, with the last error when there was one. */
    static String delivery(NotificationEvent n) {
        String error = n.error() == null || n.error().isEmpty() ? "" : ": " + n.error();
        return switch (n.state().toLowerCase(Locale.ROOT)) {
            case "sent" -> "sent";
            case "failed" -> "failed after " + attempts(n.attempts()) + error;
            default -> n.attempts() == 0 ? "waiting to be sent" : "retrying after " + attempts(n.attempts()) + error;
        };
    }

    private static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }
}
