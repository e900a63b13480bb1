package dev.vigil.provisioning.run;

import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.task.Task;
import dev.vigil.provisioning.task.TaskContext;
import dev.vigil.provisioning.task.TaskResult;
import dev.vigil.provisioning.task.TaskRunner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The provisioning workflow: each host's recipe is planned and applied (or, in a dry run, planned and shown),
 * hosts in parallel up to a bound.
 */
public final class Provision {

    private Provision() {
    }

    /**
     * @param recipes the tasks of each host, by host name; every host in {@code hosts} must have an entry
     */
    public static List<HostReport> run(List<? extends RemoteHost> hosts, Map<String, List<Task>> recipes,
                                       boolean dryRun, int parallel, Consumer<HostReport> onDone) {
        return ParallelHosts.run(hosts, parallel, host -> {
            long start = System.nanoTime();
            try {
                host.open(); // unreachable or untrusted: the whole host fails with that reason, not its first task
            } catch (RemoteCommandException e) {
                return new HostReport(host.name(), List.of(), Optional.of(e.getMessage()),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            List<TaskResult> results = TaskRunner.run(new TaskContext(host), recipes.get(host.name()),
                    dryRun ? TaskRunner.Mode.PLAN : TaskRunner.Mode.APPLY);
            return new HostReport(host.name(), results, Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        }, onDone);
    }
}
