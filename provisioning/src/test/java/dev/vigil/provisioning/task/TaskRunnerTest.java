package dev.vigil.provisioning.task;

import dev.vigil.provisioning.task.TaskRunner.Mode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner alone: tasks here plan without a host, and their actions only write down that they ran. */
class TaskRunnerTest {

    private final List<String> applied = new ArrayList<>();

    private static Task task(String name, Function<TaskContext, Plan> plan) {
        return new Task() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Plan plan(TaskContext context) {
                return plan.apply(context);
            }
        };
    }

    private Change change(String summary) {
        return new Change(summary, () -> applied.add(summary));
    }

    private List<TaskResult> run(Mode mode, Task... tasks) {
        return TaskRunner.run(new TaskContext(null), List.of(tasks), mode);
    }

    @Test
    void aDryRunReportsEveryPlanAndAppliesNone() {
        List<TaskResult> r = run(Mode.PLAN, task("a", c -> Plan.of(change("created"), change("enabled"))
                .withDiff("--- x\n")), task("b", c -> Plan.none()));
        assertThat(applied).isEmpty();
        assertThat(r).extracting(TaskResult::status).containsExactly(TaskStatus.CHANGED, TaskStatus.OK);
        assertThat(r.get(0).message()).isEqualTo("created, enabled");
        assertThat(r.get(0).diff()).contains("--- x\n");
    }

    @Test
    void applyingRunsTheChangesInOrderAndSaysTheSame() {
        List<TaskResult> r = run(Mode.APPLY, task("a", c -> Plan.of(change("created"), change("enabled"))),
                task("b", c -> Plan.none("read-only here")));
        assertThat(applied).containsExactly("created", "enabled");
        assertThat(r.get(0).message()).isEqualTo("created, enabled");
        assertThat(r.get(1)).isEqualTo(new TaskResult("b", TaskStatus.OK, "read-only here", Optional.empty()));
    }

    @Test
    void aBlockedPlanIsANoteInADryRunAndAFailureWithNothingAppliedOtherwise() {
        Task rejected = task("file f", c -> Plan.of(change("content")).blockedBy("rejected by 'nft -c'"));
        assertThat(run(Mode.PLAN, rejected).get(0).message())
                .isEqualTo("content; NOTE: rejected by 'nft -c' on the host as it is now");
        TaskResult r = run(Mode.APPLY, rejected, task("later", c -> Plan.of(change("later"))))
                .get(0);
        assertThat(r.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.message()).isEqualTo("rejected by 'nft -c'; nothing changed");
        assertThat(applied).isEmpty();
    }

    @Test
    void theFirstFailureStopsTheHost() {
        List<TaskResult> r = run(Mode.APPLY,
                task("a", c -> Plan.of("started", () -> {
                    throw new IllegalStateException("start failed (exit 1)");
                })),
                task("b", c -> Plan.of(change("b"))));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).status()).isEqualTo(TaskStatus.FAILED);
        assertThat(r.get(0).message()).isEqualTo("start failed (exit 1)");
        assertThat(applied).isEmpty();
    }

    @Test
    void laterTasksSeeWhatEarlierOnesChangedOrWouldChange() {
        Task config = task("file c", c -> Plan.of(change("content")));
        Task service = task("service s", c -> c.changedInThisRun(config) ? Plan.of(change("restarted")) : Plan.none());
        for (Mode mode : Mode.values()) {
            assertThat(run(mode, config, service).get(1).message()).isEqualTo("restarted");
        }
    }

    @Test
    void compositePlansNameTheirPartsAndKeepTheFirstDiffAndBlocker() {
        Plan file = Plan.of(change("content")).withDiff("d1").blockedBy("no");
        Plan service = Plan.of(change("restarted")).withNote("n");
        Plan both = file.prefixed("file f: ").then(service.prefixed("service s: "));
        assertThat(both.summary()).isEqualTo("file f: content, service s: restarted");
        assertThat(both.diff()).contains("d1");
        assertThat(both.blocker()).contains("no");
        assertThat(both.note()).isEqualTo("n");
        List<String> order = new ArrayList<>();
        Plan.of("unit file content", () -> order.add("write")).followedBy(() -> order.add("reload")).changes()
                .forEach(c -> c.action().apply());
        assertThat(order).containsExactly("write", "reload");
        assertThat(Plan.none().followedBy(() -> order.add("never")).isEmpty()).isTrue();
    }
}
