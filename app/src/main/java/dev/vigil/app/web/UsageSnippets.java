package dev.vigil.app.web;

import java.util.List;

/**
 * How to ping a check from the usual places, as the details page shows it: a crontab line with curl, a bash script
 * that reports its start and its exit status, Python's standard library, PowerShell, and {@code ops run}.
 */
public final class UsageSnippets {

    /** One way of pinging, with the code to copy. */
    public record Snippet(String id, String title, String code) {
    }

    private static final String JOB = "/usr/local/bin/backup";

    private UsageSnippets() {
    }

    /**
     * @param pingUrl  the check's success URL
     * @param cronLine the check's own cron expression when it has one, so the crontab line runs when Vigil expects
     *                 it, or null
     */
    static List<Snippet> of(String pingUrl, String cronLine) {
        String when = cronLine == null || cronLine.isBlank() ? "0 3 * * *" : cronLine;
        return List.of(
                new Snippet("crontab", "crontab with curl",
                        when + " " + JOB + " && curl -fsS -m 10 --retry 5 -o /dev/null " + pingUrl),
                new Snippet("bash", "bash: the start, then the exit status",
                        "#!/bin/bash\n"
                                + "URL=" + pingUrl + "\n"
                                + "curl -fsS -m 10 --retry 5 -o /dev/null \"$URL/start\"\n"
                                + JOB + "\n"
                                + "# 0 is a success, anything else a failure\n"
                                + "curl -fsS -m 10 --retry 5 -o /dev/null \"$URL/$?\""),
                new Snippet("python", "Python (standard library)",
                        "import urllib.request\n\n"
                                + "urllib.request.urlopen(\"" + pingUrl + "\", timeout=10)"),
                new Snippet("powershell", "PowerShell",
                        "Invoke-RestMethod -Uri " + pingUrl + " -TimeoutSec 10"),
                new Snippet("ops-run", "ops run: start, exit status and the output's end, with a time limit",
                        "ops run --ping-url " + pingUrl + " --timeout 1h -- " + JOB));
    }
}
