package dev.vigil.watchdog;

import java.net.InetAddress;
import java.util.List;

/** One load balancer: a name for people and the public addresses its DNS records point at. */
public record LoadBalancer(String name, List<InetAddress> addresses) {

    public LoadBalancer {
        addresses = List.copyOf(addresses);
        if (name.isBlank()) {
            throw new IllegalArgumentException("a load balancer needs a name");
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("load balancer " + name + " has no address");
        }
    }

    /** One target per address: each address family is probed and removed on its own. */
    public List<Target> targets() {
        return addresses.stream().map(a -> new Target(name, a)).toList();
    }
}
