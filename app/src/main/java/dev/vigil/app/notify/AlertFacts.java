package dev.vigil.app.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The labelled facts that chat-style channels and emails show under the headline, in one place. */
public final class AlertFacts {

    /** One line: "Project: Backups". */
    public record Fact(String label, String value) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private AlertFacts() {
    }

    public static List<Fact> of(Alert a) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Project", a.projectName()));
        if (!a.tags().isBlank()) {
            facts.add(new Fact("Tags", a.tags()));
        }
        facts.add(new Fact("Status changed", time(a.flipTime())));
        facts.add(new Fact("Last ping", lastPing(a.lastPing())));
        return facts;
    }

    /** The explanation and then the facts, a "label: value" line each: the body of the plain-text push kinds. */
    public static String plainText(Alert a) {
        StringBuilder text = new StringBuilder(a.explanation());
        for (Fact f : of(a)) {
            text.append('\n').append(f.label()).append(": ").append(f.value());
        }
        return text.toString();
    }

    public static String lastPing(Alert.LastPing p) {
        if (p == null) {
            return "never";
        }
        String exit = p.exitStatus() == null ? "" : ", exit status " + p.exitStatus();
        String from = p.remoteAddr() == null ? "" : " from " + p.remoteAddr();
        return time(p.created()) + " (#" + p.n() + ", " + p.kind() + exit + from + ")";
    }

    public static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}
