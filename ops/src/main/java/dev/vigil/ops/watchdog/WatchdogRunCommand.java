package dev.vigil.ops.watchdog;

import dev.vigil.watchdog.DnsRecords;
import dev.vigil.watchdog.EventLog;
import dev.vigil.watchdog.Watchdog;
import dev.vigil.watchdog.WatchdogDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code ops watchdog run}: the daemon. */
@Command(name = "run",
        description = {"Run the watchdog until SIGTERM: a probe round every interval, records removed after "
                + "fail_after failed rounds and restored after recover_after good ones, a heartbeat to the "
                + "watchdog's own Vigil check every round. Each decision is one line on stdout with its evidence.",
                "SIGTERM finishes the round in progress, then exits."},
        footer = {"", "Example (what the systemd unit runs):",
                "  java -jar /opt/vigil/ops.jar watchdog run --inventory /etc/vigil/ops.yaml \\",
                "      --state /var/lib/vigil-watchdog/state.json"})
public final class WatchdogRunCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Mixin
    WatchdogOptions options;

    @Override
    public Integer call() throws Exception {
        WatchdogSetup setup = options.setup(spec);
        DnsRecords dns = WatchdogOptions.usage(spec, () -> setup.dns(System.getenv()));
        var probe = WatchdogOptions.usage(spec, setup::probe);
        EventLog log = new EventLog(spec.commandLine().getOut(), Clock.systemUTC());
        try (Watchdog watchdog = new Watchdog(setup.config(), probe, dns, options.stateFile(),
                setup.notifications(log), log)) {
            log.info("watching " + setup.config().targets() + " for " + String.join(", ",
                    setup.config().names()) + " in " + dns.describe() + "; every "
                    + setup.config().interval().toSeconds() + " s, out after "
                    + setup.config().thresholds().failAfter() + " failures, back after "
                    + setup.config().thresholds().recoverAfter() + " successes; state "
                    + options.stateFile().path());
            WatchdogDaemon daemon = new WatchdogDaemon(watchdog, setup.config().interval(), log);
            Thread hook = new Thread(() -> daemon.stop(STOP_GRACE), "watchdog-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            daemon.run();
            return 0;
        }
    }
}
