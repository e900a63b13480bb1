package dev.vigil.provisioning.task;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.remote.Shell;
import dev.vigil.provisioning.inventory.UserCrontabLine;
import dev.vigil.schedule.InvalidScheduleException;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A user's whole crontab, owned by provisioning (edits on the server are overwritten, and shown as a diff first
 * in check mode). Every job line is validated with Vigil's own cron parser (Debian semantics) when the task is
 * built, so a bad schedule fails before any server is touched. Needs the cron package.
 */
public record UserCrontab(String user, List<String> lines) implements Task {

    static final String HEADER = "# Managed by 'ops provision': changes made here are overwritten.\n";

    public UserCrontab {
        lines = List.copyOf(lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                UserCrontabLine.check(line); // jobs, NAME=value lines and comments
            } catch (InvalidScheduleException e) {
                throw new IllegalArgumentException("crontab of " + user + ", line " + (i + 1) + " (\"" + line
                        + "\"): " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String name() {
        return "crontab of " + user;
    }

    String rendered() {
        StringBuilder b = new StringBuilder(HEADER);
        lines.forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    @Override
    public TaskResult apply(TaskContext context) {
        CommandResult current = context.host().run("crontab -l -u " + Shell.quote(user));
        String before;
        if (current.exitStatus() == 127 && context.check()) {
            // cron is not installed yet; in a real run an earlier task installs it
            return TaskResult.changed(this, "would install " + lines.size() + " lines (cron is not installed yet)",
                    UnifiedDiff.diff("/dev/null", "crontab of " + user + " (wanted)", "", rendered()));
        }
        if (current.ok()) {
            before = current.out();
        } else if (current.err().contains("no crontab")) {
            before = "";
        } else {
            throw new RemoteCommandException(context.host().name() + ": cannot read the crontab of " + user + " ("
                    + current.summary() + ")");
        }
        String wanted = rendered();
        if (before.equals(wanted)) {
            return TaskResult.ok(this);
        }
        String diff = UnifiedDiff.diff("crontab of " + user + " (on server)", "crontab of " + user + " (wanted)",
                before, wanted);
        if (context.check()) {
            return TaskResult.changed(this, "would install " + lines.size() + " lines", diff);
        }
        CommandResult r = context.host().run("crontab -u " + Shell.quote(user) + " -",
                wanted.getBytes(StandardCharsets.UTF_8), context.host().defaultTimeout());
        if (!r.ok()) {
            return TaskResult.failed(this, "crontab refused the table (" + r.summary() + ")");
        }
        return TaskResult.changed(this, "installed " + lines.size() + " lines", diff);
    }
}
