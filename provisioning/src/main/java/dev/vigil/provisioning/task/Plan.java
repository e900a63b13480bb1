package dev.vigil.provisioning.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a task found on the host: the changes that would bring it in line (none when it already is), the unified
 * diff of a file among them, a note worth showing either way, and a blocker: a reason found while looking why
 * applying would fail on the host as it is now (a file the real tool rejects). {@link TaskRunner} prints a plan
 * in a dry run and applies it otherwise; a blocked plan is then a failure and nothing of it is applied.
 */
public record Plan(List<Change> changes, Optional<String> diff, String note, Optional<String> blocker) {

    public Plan {
        changes = List.copyOf(changes);
    }

    /** Nothing to change. */
    public static Plan none() {
        return new Plan(List.of(), Optional.empty(), "", Optional.empty());
    }

    /** Nothing to change, with something worth saying (a setting the host does not let us apply). */
    public static Plan none(String note) {
        return new Plan(List.of(), Optional.empty(), note, Optional.empty());
    }

    public static Plan of(Change... changes) {
        return new Plan(List.of(changes), Optional.empty(), "", Optional.empty());
    }

    public static Plan of(List<Change> changes) {
        return new Plan(changes, Optional.empty(), "", Optional.empty());
    }

    public static Plan of(String summary, Change.Action action) {
        return of(new Change(summary, action));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes' summaries in one line. */
    public String summary() {
        return String.join(", ", changes.stream().map(Change::summary).toList());
    }

    public Plan withDiff(String diff) {
        return new Plan(changes, diff == null || diff.isEmpty() ? Optional.empty() : Optional.of(diff), note, blocker);
    }

    public Plan withNote(String note) {
        return new Plan(changes, diff, join(this.note, note), blocker);
    }

    public Plan blockedBy(String reason) {
        return new Plan(changes, diff, note, Optional.of(reason));
    }

    /** This plan's changes with {@code prefix} before each summary (the part's name inside a composite task). */
    public Plan prefixed(String prefix) {
        return new Plan(changes.stream().map(c -> c.prefixed(prefix)).toList(), diff, note, blocker);
    }

    /** {@code action} runs after this plan's last change (a daemon-reload after a unit file); nothing when empty. */
    public Plan followedBy(Change.Action action) {
        if (changes.isEmpty()) {
            return this;
        }
        List<Change> all = new ArrayList<>(changes);
        Change last = all.remove(all.size() - 1);
        all.add(new Change(last.summary(), () -> {
            last.action().apply();
            action.apply();
        }));
        return new Plan(all, diff, note, blocker);
    }

    /** This plan, then {@code next}: changes in order, the first diff and blocker, both notes. */
    public Plan then(Plan next) {
        return new Plan(Stream.concat(changes.stream(), next.changes.stream()).toList(),
                diff.isPresent() ? diff : next.diff, join(note, next.note),
                blocker.isPresent() ? blocker : next.blocker);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }
}
