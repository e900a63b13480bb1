package dev.vigil.haproxy;

import dev.vigil.haproxy.HaproxyConfig.AppServer;
import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds each load balancer's {@link HaproxyConfig} from the inventory. Whatever the inventory lacks for it (the
 * domains, app servers, an ECDSA or RSA certificate for a domain) is an {@link LbConfigException} naming the host
 * and the field, raised before anything is rendered, let alone sent to a server.
 */
public final class HaproxyConfigs {

    public static final int HTTP_PORT = 80;
    public static final int HTTPS_PORT = 443;

    private HaproxyConfigs() {
    }

    /** The configuration of the load balancer {@code name}. */
    public static HaproxyConfig forHost(Inventory inventory, String name) {
        Host lb = inventory.host(name).orElseThrow(() -> new LbConfigException("no host named \"" + name + "\" in "
                + inventory.file()));
        if (!lb.has(Role.LB)) {
            throw new LbConfigException("host " + name + " is not a load balancer (its roles: " + lb.roles()
                    .stream().map(Role::id).sorted().toList() + ")");
        }
        String app = required(name, "domains.app", inventory.domains().app());
        String ping = required(name, "domains.ping", inventory.domains().ping());
        RoleSettings.Lb settings = inventory.settings().lb();
        RoleSettings.App appSettings = inventory.settings().app();
        List<Host> appHosts = inventory.withRole(Role.APP);
        if (appHosts.isEmpty()) {
            throw new LbConfigException(name + ": no host has role app, so the load balancer would have no "
                    + "servers (hosts[].roles)");
        }
        List<AppServer> servers = appHosts.stream().map(h -> new AppServer(h.name(), privateAddress(h),
                appSettings.httpPort(), appSettings.pingPort())).toList();
        List<InetAddress> listen = new ArrayList<>();
        lb.ipv4().ifPresent(listen::add);
        lb.ipv6().ifPresent(listen::add);
        return new HaproxyConfig(name, HaproxyConfig.Placement.DEBIAN,
                new HaproxyConfig.Listen(listen, HTTP_PORT, HTTPS_PORT), app, ping,
                certificates(name, settings.certificates(), Map.of("domains.app", app, "domains.ping", ping)),
                servers, new HaproxyConfig.Limits(settings.maxConnections(), settings.serverMaxConnections()),
                settings.healthCheck(), settings.timeouts(), settings.pingRateLimit(), acmeRelay(inventory, lb));
    }

    /**
     * With ACME and more than one balancer, the balancers after {@code lb} in the inventory's order, round to the
     * one before it (the next one first, the rest its backups), reached on their public addresses: the path the
     * CA itself takes.
     */
    static Optional<HaproxyConfig.AcmeRelay> acmeRelay(Inventory inventory, Host lb) {
        List<Host> lbs = inventory.withRole(Role.LB);
        if (inventory.settings().lb().acme().isEmpty() || lbs.size() < 2) {
            return Optional.empty();
        }
        int at = lbs.indexOf(lb);
        List<HaproxyConfig.AcmeRelay.Peer> ring = new ArrayList<>();
        for (int i = 1; i < lbs.size(); i++) {
            Host next = lbs.get((at + i) % lbs.size());
            InetAddress address = next.ipv4().<InetAddress>map(a -> a).orElseGet(() -> next.ipv6().orElseThrow());
            ring.add(new HaproxyConfig.AcmeRelay.Peer(next.name(), address, HTTP_PORT));
        }
        return Optional.of(new HaproxyConfig.AcmeRelay(ring, lbs.size()));
    }

    /** The address the balancers reach an app server on: its WireGuard address when it has one. */
    static InetAddress privateAddress(Host h) {
        if (h.wireguard().isPresent()) {
            return h.wireguard().get();
        }
        return h.ipv4().<InetAddress>map(a -> a).orElseGet(() -> h.ipv6().orElseThrow());
    }

    private static String required(String lb, String field, String value) {
        if (value == null) {
            throw new LbConfigException(lb + ": " + field + " is not set; the load balancers serve that name");
        }
        return value;
    }

    /** Every domain needs an ECDSA and an RSA certificate; two files must not land on one name on the host. */
    private static List<LbCertificate> certificates(String lb, List<LbCertificate> certs,
                                                    Map<String, String> domains) {
        for (var d : new java.util.TreeMap<>(domains).entrySet()) {
            for (KeyType type : KeyType.values()) {
                if (certs.stream().noneMatch(c -> c.keyType() == type && c.covers(d.getValue()))) {
                    throw new LbConfigException(lb + ": roles.lb.certificates has no " + type + " certificate for "
                            + d.getValue() + " (" + d.getKey() + "); each name needs an ECDSA and an RSA one");
                }
            }
        }
        Map<String, LbCertificate> byFile = new HashMap<>();
        for (LbCertificate c : certs) {
            LbCertificate other = byFile.putIfAbsent(HaproxyConfig.fileName(c), c);
            if (other != null) {
                throw new LbConfigException(lb + ": roles.lb.certificates: " + other.file() + " and " + c.file()
                        + " are both " + c.keyType() + " certificates for " + c.names().get(0));
            }
        }
        return certs;
    }
}
