package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.provisioning.inventory.RoleSettings.LbHealthCheck;
import dev.vigil.provisioning.inventory.RoleSettings.LbRateLimit;
import dev.vigil.provisioning.inventory.RoleSettings.LbTimeouts;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Everything one load balancer's {@code haproxy.cfg} says, as data: where it listens, the two domains, the
 * certificates, the app servers and the settings of {@code roles.lb}. Built from the inventory by
 * {@link HaproxyConfigs}, turned into text by {@link HaproxyConfigRenderer} (the only renderer); tests change
 * the listening addresses, servers and file places with the {@code with...} methods, never with a second
 * renderer.
 */
public record HaproxyConfig(String lbName, Placement placement, Listen listen, String appDomain, String pingDomain,
                            List<LbCertificate> certificates, List<AppServer> servers, Limits limits,
                            LbHealthCheck healthCheck, LbTimeouts timeouts, LbRateLimit pingRateLimit,
                            Optional<AcmeRelay> acmeRelay) {

    public HaproxyConfig {
        certificates = List.copyOf(certificates);
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException(lbName + ": a load balancer needs at least one app server");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(lbName + ": a load balancer needs certificates");
        }
    }

    /** The addresses the frontends bind (IPv4 and IPv6 alike), and the HTTP and HTTPS ports. */
    public record Listen(List<InetAddress> addresses, int httpPort, int httpsPort) {
        public Listen {
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("a load balancer listens on at least one address");
            }
        }
    }

    /**
     * Where an ACME HTTP-01 request goes when this balancer does not hold its token: the next balancer of the
     * ring, at the public address the CA itself would use, since each balancer renews its own certificates
     * ({@code ops lb renew --local}) and DNS may send the CA to any of them; the balancers after it are backups
     * for when it does not answer. {@code balancers} bounds the trip: a request makes at most
     * {@code balancers - 1} hops, counted in {@link #HOPS_HEADER}, whatever a client puts in that header.
     */
    public record AcmeRelay(List<Peer> ring, int balancers) {

        public static final String HOPS_HEADER = "X-Vigil-Acme-Hops";

        /** Another balancer's HTTP frontend. */
        public record Peer(String name, InetAddress address, int port) {
        }

        public AcmeRelay {
            ring = List.copyOf(ring);
            if (balancers < 2 || ring.isEmpty()) {
                throw new IllegalArgumentException("an ACME relay needs at least two balancers");
            }
        }
    }

    /** An app server as the balancers reach it: its main port (web, API, {@code /health}) and its ping port. */
    public record AppServer(String name, InetAddress address, int port, int pingPort) {
    }

    /** Connections the whole process accepts, and how many go to one app server at once (more wait queued). */
    public record Limits(int maxConnections, int serverMaxConnections) {
    }

    /**
     * Where the files HAProxy reads and writes are on the load balancer. {@code acmeChallenges} is the map of
     * ACME HTTP-01 tokens HAProxy answers itself (an empty file; entries come through the runtime API).
     * {@code dropPrivileges} runs the workers as user {@code haproxy} in a chroot of {@code /var/lib/haproxy}, as
     * Debian's package does.
     */
    public record Placement(String certificateDir, String stateFile, String adminSocket, String acmeChallenges,
                            boolean dropPrivileges) {

        /** Debian 12's haproxy package. */
        public static final Placement DEBIAN = new Placement("/etc/haproxy/certs", "/var/lib/haproxy/server-state",
                "/run/haproxy/admin.sock", "/etc/haproxy/acme-challenges.map", true);

        public Placement withCertificateDir(String dir) {
            return new Placement(dir, stateFile, adminSocket, acmeChallenges, dropPrivileges);
        }

        public Placement withStateFile(String file) {
            return new Placement(certificateDir, file, adminSocket, acmeChallenges, dropPrivileges);
        }

        public Placement withAcmeChallenges(String map) {
            return new Placement(certificateDir, stateFile, adminSocket, map, dropPrivileges);
        }
    }

    public HaproxyConfig withPlacement(Placement p) {
        return new HaproxyConfig(lbName, p, listen, appDomain, pingDomain, certificates, servers, limits,
                healthCheck, timeouts, pingRateLimit, acmeRelay);
    }

    public HaproxyConfig withListen(Listen l) {
        return new HaproxyConfig(lbName, placement, l, appDomain, pingDomain, certificates, servers, limits,
                healthCheck, timeouts, pingRateLimit, acmeRelay);
    }

    public HaproxyConfig withServers(List<AppServer> s) {
        return new HaproxyConfig(lbName, placement, listen, appDomain, pingDomain, certificates, s, limits,
                healthCheck, timeouts, pingRateLimit, acmeRelay);
    }

    public HaproxyConfig withAcmeRelay(Optional<AcmeRelay> relay) {
        return new HaproxyConfig(lbName, placement, listen, appDomain, pingDomain, certificates, servers, limits,
                healthCheck, timeouts, pingRateLimit, relay);
    }

    public HaproxyConfig withHealthCheck(LbHealthCheck h) {
        return new HaproxyConfig(lbName, placement, listen, appDomain, pingDomain, certificates, servers, limits,
                h, timeouts, pingRateLimit, acmeRelay);
    }

    public HaproxyConfig withPingRateLimit(LbRateLimit r) {
        return new HaproxyConfig(lbName, placement, listen, appDomain, pingDomain, certificates, servers, limits,
                healthCheck, timeouts, r, acmeRelay);
    }

    /**
     * The name of a certificate's file in {@link Placement#certificateDir()}: its first DNS name and key type,
     * {@code vigil.example.com.ecdsa.pem}.
     */
    public static String fileName(LbCertificate c) {
        return c.names().get(0).replace("*", "_wildcard") + "." + c.keyType().id() + ".pem";
    }
}
