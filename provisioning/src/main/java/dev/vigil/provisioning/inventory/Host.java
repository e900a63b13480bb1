package dev.vigil.provisioning.inventory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * One server of the inventory. It has a public IPv4 and/or IPv6 address (SSH goes to the IPv4 one when there is
 * one), an optional WireGuard address, and its roles.
 */
public record Host(String name, Optional<Inet4Address> ipv4, Optional<Inet6Address> ipv6,
                   Optional<Inet4Address> wireguard, SshEndpoint ssh, Set<Role> roles) {

    public Host {
        roles = Set.copyOf(roles);
        if (ipv4.isEmpty() && ipv6.isEmpty()) {
            throw new IllegalArgumentException("host " + name + " needs an ipv4 or ipv6 address");
        }
    }

    /** The address SSH connects to. */
    public InetAddress sshAddress() {
        return ipv4.<InetAddress>map(a -> a).orElseGet(ipv6::get);
    }

    /**
     * The address the rest of the fleet uses for this host, in every layout the inventory allows: its WireGuard
     * address when it has one, else the public address SSH uses. Services listen on it, firewalls and pg_hba
     * admit peers by it, and clients (the app's JDBC URL) connect to it.
     */
    public InetAddress peerAddress() {
        return wireguard.<InetAddress>map(a -> a).orElseGet(this::sshAddress);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** This host reached as another login user (a new server's first run, before the admin user exists). */
    public Host loggingInAs(String user) {
        return new Host(name, ipv4, ipv6, wireguard, new SshEndpoint(user, ssh.port()), roles);
    }
}
