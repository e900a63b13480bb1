package dev.vigil.app.holds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one rule for whether a flip's notifications go out now. A check going down is held while one of its
 * dependencies is down (the dependency's own alert tells it) or while a maintenance window covering it is open; the
 * held alert is told when nothing holds it any more and the check is still down. A check coming back up is not told
 * when its going down was held and never told. Everything else is told at once.
 */
public final class AlertHold {

    private AlertHold() {
    }

    /** A dependency of the check, with whether it is down now. */
    public record Dependency(UUID id, String name, boolean down) {
    }

    /**
     * What the rule looks at.
     *
     * @param goingDown    the flip turns the check down (else it comes up, or is a flip nobody is told of)
     * @param downHeld     the check's last going down is held, not told
     * @param dependencies the check's dependencies
     * @param windows      the project's maintenance windows (only those covering the check count)
     */
    public record Facts(UUID checkId, List<String> tags, boolean goingDown, boolean downHeld,
            List<Dependency> dependencies, List<MaintenanceWindow> windows, Instant now) {

        public Facts {
            Objects.requireNonNull(checkId, "checkId");
            tags = List.copyOf(tags);
            dependencies = List.copyOf(dependencies);
            windows = List.copyOf(windows);
            Objects.requireNonNull(now, "now");
        }
    }

    /** What to do with the flip. */
    public sealed interface Decision permits Tell, Hold, Drop {
    }

    /** Notify the channels now. */
    public record Tell() implements Decision {
    }

    /**
     * Keep the alert back.
     *
     * @param heldBy the dependencies that are down (empty when a window holds it)
     * @param why    for the log and the API: "db-primary is down", "maintenance window: kernel upgrade"
     * @param until  when a window holding it closes, or null while a dependency holds it (no one knows when)
     */
    public record Hold(List<UUID> heldBy, String why, Instant until) implements Decision {
    }

    /** Tell nothing: the check is up again and its going down was never told. */
    public record Drop() implements Decision {
    }

    public static Decision decide(Facts f) {
        if (!f.goingDown()) {
            return f.downHeld() ? new Drop() : new Tell();
        }
        List<Dependency> down = f.dependencies().stream().filter(Dependency::down).toList();
        if (!down.isEmpty()) {
            return new Hold(down.stream().map(Dependency::id).toList(),
                    down.stream().map(Dependency::name).collect(Collectors.joining(", "))
                            + (down.size() == 1 ? " is down" : " are down"), null);
        }
        MaintenanceWindow open = null;
        Instant until = null;
        for (MaintenanceWindow w : f.windows()) {
            if (!w.covers(f.checkId(), f.tags())) {
                continue;
            }
            Instant end = w.openUntil(f.now()).orElse(null);
            if (end != null && (until == null || end.isAfter(until))) {
                open = w;
                until = end;
            }
        }
        if (open != null) {
            return new Hold(List.of(), "maintenance window: " + open.reason(), until);
        }
        return new Tell();
    }
}
