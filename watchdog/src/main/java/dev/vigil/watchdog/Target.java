package dev.vigil.watchdog;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * One address of one load balancer: the unit that is probed, counted and taken out of DNS. An IPv6 address of
 * a balancer can fail while its IPv4 one works, so the two are separate targets.
 */
public record Target(String loadBalancer, InetAddress address) {

    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** The DNS record type that points at this target. */
    public String recordType() {
        return ipv6() ? "AAAA" : "A";
    }

    @Override
    public String toString() {
        return loadBalancer + " " + Addresses.text(address);
    }
}
