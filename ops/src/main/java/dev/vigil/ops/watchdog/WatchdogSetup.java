package dev.vigil.ops.watchdog;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.watchdog.DnsRecords;
import dev.vigil.watchdog.EventLog;
import dev.vigil.watchdog.LoadBalancer;
import dev.vigil.watchdog.Notifications;
import dev.vigil.watchdog.StateFile;
import dev.vigil.watchdog.Watchdog;
import dev.vigil.watchdog.WatchdogDaemon;
import dev.vigil.watchdog.Thresholds;
import dev.vigil.watchdog.WatchdogConfig;
import dev.vigil.watchdog.dns.cloudflare.CloudflareRecords;
import dev.vigil.watchdog.dns.rfc2136.Rfc2136Records;
import dev.vigil.watchdog.dns.rfc2136.TsigKey;
import dev.vigil.watchdog.notify.HttpNotifications;
import dev.vigil.watchdog.probe.HttpsProbe;
import dev.vigil.watchdog.probe.TrustStores;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The watchdog as the inventory describes it: the balancers are the hosts with role lb, the names are the
 * inventory's domains, everything else is {@code roles.watchdog}; secrets come from the environment. Every
 * problem is an {@link IllegalArgumentException} that says what to fix.
 */
final class WatchdogSetup {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    static final String TSIG_SECRET = "VIGIL_WATCHDOG_TSIG_SECRET";
    static final String CLOUDFLARE_TOKEN = "VIGIL_WATCHDOG_CLOUDFLARE_TOKEN";

    private final Inventory inventory;
    private final RoleSettings.Watchdog settings;
    private final WatchdogConfig config;

    WatchdogSetup(Inventory inventory) {
        this.inventory = inventory;
        this.settings = inventory.settings().watchdog();
        List<LoadBalancer> lbs = new ArrayList<>();
        for (Host h : inventory.withRole(Role.LB)) {
            List<InetAddress> addresses = Stream.concat(h.ipv4().stream(), h.ipv6().stream())
                    .map(a -> (InetAddress) a).toList();
            lbs.add(new LoadBalancer(h.name(), addresses));
        }
        if (lbs.isEmpty()) {
            throw new IllegalArgumentException("no host in " + inventory.file() + " has role lb: nothing to watch");
        }
        List<String> names = Stream.of(inventory.domains().app(), inventory.domains().ping())
                .filter(n -> n != null).distinct().toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(inventory.file() + " names no domains (domains.app, domains.ping): "
                    + "no records to manage");
        }
        this.config = new WatchdogConfig(lbs, names, new Thresholds(settings.failAfter(), settings.recoverAfter()),
                Duration.ofSeconds(settings.intervalSeconds()), settings.ttlSeconds());
    }

    WatchdogConfig config() {
        return config;
    }

    /** Probes go to each balancer address under the app domain (the ping domain when there is no app domain). */
    HttpsProbe probe() {
        return new HttpsProbe(config.names().get(0), settings.probePort(), settings.probePath(),
                Duration.ofSeconds(settings.probeTimeoutSeconds()),
                settings.probeCaFile().map(TrustStores::fromPem).orElseGet(TrustStores::system));
    }

    DnsRecords dns(Map<String, String> env) {
        RoleSettings.WatchdogDns dns = settings.dns().orElseThrow(() -> new IllegalArgumentException(
                inventory.file() + " has no roles.watchdog.dns: say where the records live (docs/watchdog.md)"));
        Duration timeout = Duration.ofSeconds(settings.probeTimeoutSeconds());
        if (dns instanceof RoleSettings.Rfc2136 r) {
            String secret = required(env, TSIG_SECRET, "the base64 secret of TSIG key " + r.tsigKeyName());
            return new Rfc2136Records(new InetSocketAddress(r.server(), r.port()), r.zone(),
                    new TsigKey(r.tsigKeyName(), r.tsigAlgorithm(), secret), timeout);
        }
        RoleSettings.Cloudflare c = (RoleSettings.Cloudflare) dns;
        String token = required(env, CLOUDFLARE_TOKEN, "a Cloudflare API token with Zone / DNS / Edit");
        return new CloudflareRecords(c.apiUrl(), c.zoneId(), token, Duration.ofSeconds(10),
                CloudflareRecords.Pause.SLEEP);
    }

    Notifications notifications(EventLog log) {
        return new HttpNotifications(settings.heartbeatUrl(), settings.webhookUrl(), log);
    }

    /**
     * {@code ops watchdog run}: probe rounds until SIGTERM, which finishes the round in progress (at most
     * {@link #STOP_GRACE}); each decision is one line on {@code out}.
     */
    void runDaemon(HttpsProbe probe, DnsRecords dns, StateFile state, PrintWriter out) {
        EventLog log = new EventLog(out, Clock.systemUTC());
        try (Watchdog watchdog = new Watchdog(config, probe, dns, state, notifications(log), log)) {
            log.info("watching " + config.targets() + " for " + String.join(", ", config.names()) + " in "
                    + dns.describe() + "; every " + config.interval().toSeconds() + " s, out after "
                    + config.thresholds().failAfter() + " failures, back after "
                    + config.thresholds().recoverAfter() + " successes; state " + state.path());
            WatchdogDaemon daemon = new WatchdogDaemon(watchdog, config.interval(), log);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> daemon.stop(STOP_GRACE), "watchdog-shutdown"));
            daemon.run();
        }
    }

    private static String required(Map<String, String> env, String variable, String what) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(variable + " is not set: it must hold " + what
                    + " (an EnvironmentFile under systemd)");
        }
        return value;
    }
}
