package dev.vigil.watchdog;

import java.util.List;

/**
 * The outcome of one round: the targets with their counters updated (their {@code inDns} flags still as before:
 * a change counts only once DNS has taken it), the changes to make, and alerts for a person.
 */
public record Decision(List<TargetState> states, List<Change> changes, List<String> alerts) {

    public Decision {
        states = List.copyOf(states);
        changes = List.copyOf(changes);
        alerts = List.copyOf(alerts);
    }
}
