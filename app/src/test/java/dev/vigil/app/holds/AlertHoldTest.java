package dev.vigil.app.holds;

import dev.vigil.app.holds.AlertHold.Decision;
import dev.vigil.app.holds.AlertHold.Dependency;
import dev.vigil.app.holds.AlertHold.Drop;
import dev.vigil.app.holds.AlertHold.Hold;
import dev.vigil.app.holds.AlertHold.Tell;
import dev.vigil.app.holds.MaintenanceWindow.Scope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AlertHoldTest {

    private static final Instant T = Instant.parse("2026-12-03T15:00:00Z");
    private static final UUID CHECK = UUID.randomUUID();
    private static final UUID DB = UUID.randomUUID();
    private static final UUID NFS = UUID.randomUUID();

    private static Decision down(List<Dependency> deps, List<MaintenanceWindow> windows) {
        return AlertHold.decide(new AlertHold.Facts(CHECK, List.of("backup"), true, false, deps, windows, T));
    }

    private static MaintenanceWindow window(Scope scope, String target, Instant start, Instant end, String reason) {
        return MaintenanceWindow.oneOff(UUID.randomUUID(), scope, target, start, end, reason);
    }

    @Test
    void aDownFlipWithNothingHoldingItIsTold() {
        assertThat(down(List.of(new Dependency(DB, "db-primary", false)), List.of())).isEqualTo(new Tell());
    }

    @Test
    void aDownDependencyHoldsItAndIsNamed() {
        assertThat(down(List.of(new Dependency(DB, "db-primary", true), new Dependency(NFS, "nfs", false)),
                List.of())).isEqualTo(new Hold(List.of(DB), "db-primary is down", null));
        assertThat(down(List.of(new Dependency(DB, "db-primary", true), new Dependency(NFS, "nfs", true)),
                List.of())).isEqualTo(new Hold(List.of(DB, NFS), "db-primary, nfs are down", null));
    }

    @Test
    void anOpenCoveringWindowHoldsItUntilTheLatestEnd() {
        MaintenanceWindow soon = window(Scope.PROJECT, "", T.minusSeconds(60), T.plusSeconds(60), "reboot");
        MaintenanceWindow later = window(Scope.TAG, "backup", T.minusSeconds(60), T.plusSeconds(600), "nas swap");
        assertThat(down(List.of(), List.of(soon, later)))
                .isEqualTo(new Hold(List.of(), "maintenance window: nas swap", T.plusSeconds(600)));
    }

    @Test
    void aClosedOrNotCoveringWindowHoldsNothing() {
        MaintenanceWindow over = window(Scope.PROJECT, "", T.minusSeconds(600), T, "done");
        MaintenanceWindow future = window(Scope.PROJECT, "", T.plusSeconds(1), T.plusSeconds(600), "later");
        MaintenanceWindow otherTag = window(Scope.TAG, "web", T.minusSeconds(60), T.plusSeconds(60), "web");
        MaintenanceWindow otherCheck = window(Scope.CHECK, UUID.randomUUID().toString(), T.minusSeconds(60),
                T.plusSeconds(60), "other");
        assertThat(down(List.of(), List.of(over, future, otherTag, otherCheck))).isEqualTo(new Tell());
    }

    @Test
    void aDependencyWinsOverAWindow() {
        MaintenanceWindow open = window(Scope.CHECK, CHECK.toString(), T.minusSeconds(60), T.plusSeconds(60), "x");
        assertThat(down(List.of(new Dependency(DB, "db-primary", true)), List.of(open)))
                .isEqualTo(new Hold(List.of(DB), "db-primary is down", null));
    }

    @Test
    void comingUpIsToldUnlessTheDownWasHeld() {
        MaintenanceWindow open = window(Scope.PROJECT, "", T.minusSeconds(60), T.plusSeconds(60), "x");
        List<Dependency> deps = List.of(new Dependency(DB, "db-primary", true));
        assertThat(AlertHold.decide(new AlertHold.Facts(CHECK, List.of(), false, false, deps, List.of(open), T)))
                .isEqualTo(new Tell());
        assertThat(AlertHold.decide(new AlertHold.Facts(CHECK, List.of(), false, true, List.of(), List.of(), T)))
                .isEqualTo(new Drop());
    }
}
