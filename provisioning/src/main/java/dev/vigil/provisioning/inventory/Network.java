package dev.vigil.provisioning.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The private network: each host's tier, and the tier policy saying which tier may open which TCP ports on which
 * other tier. Deny by default: what no rule allows is refused. The policy is data ({@code network.policy} in the
 * inventory); without one, {@link #defaultPolicy} applies. Rules are directional: lb may reach app, not the reverse.
 */
public record Network(List<String> tiers, Map<String, String> hostTiers, List<Rule> policy, int listenPort,
                      Path keysFile, java.util.Optional<Integer> verifyEveryMinutes) {

    public static final List<String> DEFAULT_TIERS = List.of("lb", "app", "db", "watchdog");

    public Network {
        tiers = List.copyOf(tiers);
        hostTiers = Map.copyOf(hostTiers);
        policy = List.copyOf(policy);
    }

    /** {@code from} hosts may open TCP connections to {@code ports} on {@code to} hosts over the private network. */
    public record Rule(String from, String to, List<Integer> ports) {
        public Rule {
            ports = List.copyOf(ports);
        }
    }

    /**
     * lb to app on the app's main and ping ports; app to db on PostgreSQL's; db to db on PostgreSQL's too
     * (streaming replication); the watchdog (the ops host) to every tier on SSH.
     */
    public static List<Rule> defaultPolicy(int appPort, int pingPort) {
        return List.of(new Rule("lb", "app", List.of(appPort, pingPort)),
                new Rule("app", "db", List.of(5432)),
                new Rule("db", "db", List.of(5432)),
                new Rule("watchdog", "lb", List.of(22)),
                new Rule("watchdog", "app", List.of(22)),
                new Rule("watchdog", "db", List.of(22)));
    }

    /** The host's tier: {@code tier:} on the host, else its only role when that names a tier. */
    public Optional<String> tierOf(String host) {
        return Optional.ofNullable(hostTiers.get(host));
    }
}
