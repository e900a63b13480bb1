package dev.vigil.provisioning.task;

/**
 * One idempotent step of a host's recipe. It looks at the server and returns a {@link Plan}: what differs from
 * what is wanted, and the changes that fix it. It never changes anything itself and does not know whether this is
 * a dry run: {@link TaskRunner} prints the plan or applies it.
 */
public interface Task {

    /** What the task ensures, e.g. {@code package cron installed}; unique within a host's recipe. */
    String name();

    /** Looks at the host (reads only) and says what would bring it in line. Failures may be thrown. */
    Plan plan(TaskContext context);
}
