package dev.vigil.app.notify;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A dependency's down alert names the dependents whose alerts are held for it. */
class AlertHeldDependentsTest {

    private static Alert alert(String newStatus, List<String> held) {
        Instant t = Instant.parse("2026-12-03T15:00:00Z");
        return new Alert(UUID.randomUUID(), "db-primary", "db-primary", "", "P", "up", newStatus, "fail", t, t, null,
                "https://vigil.example/checks/x/details/", false, held);
    }

    @Test
    void theExplanationFoldsTheHeldDependentsIn() {
        assertThat(alert("down", List.of("backups", "rsync", "reports")).explanation())
                .isEqualTo("The job reported a failure. backups, rsync and reports are down because db-primary is "
                        + "down; they are told if still down when db-primary is back.");
        assertThat(alert("down", List.of("backups")).explanation())
                .isEqualTo("The job reported a failure. backups is down because db-primary is down; it is told if "
                        + "still down when db-primary is back.");
    }

    @Test
    void withoutHeldDependentsOrWhenUpNothingIsAdded() {
        assertThat(alert("down", List.of()).explanation()).isEqualTo("The job reported a failure.");
        assertThat(alert("up", List.of("backups")).explanation()).isEqualTo("The check received a ping and is up "
                + "again.");
        assertThat(alert("down", null).heldDependents()).isEmpty();
    }
}
