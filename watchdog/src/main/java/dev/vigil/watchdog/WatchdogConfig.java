package dev.vigil.watchdog;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the watchdog watches and how: the balancers, the names they serve, the rhythm and the record TTL. */
public record WatchdogConfig(List<LoadBalancer> loadBalancers, List<String> names, Thresholds thresholds,
                             Duration interval, int ttlSeconds) {

    public WatchdogConfig {
        loadBalancers = List.copyOf(loadBalancers);
        names = List.copyOf(names);
        if (loadBalancers.isEmpty()) {
            throw new IllegalArgumentException("no load balancers to watch");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no DNS names to manage");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive, not " + interval);
        }
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("the record TTL must be at least 1 s, not " + ttlSeconds);
        }
        Set<Object> seen = new HashSet<>();
        for (LoadBalancer lb : loadBalancers) {
            if (!seen.add(lb.name())) {
                throw new IllegalArgumentException("load balancer " + lb.name() + " listed twice");
            }
            for (var a : lb.addresses()) {
                if (!seen.add(a)) {
                    throw new IllegalArgumentException("address " + Addresses.text(a) + " listed twice");
                }
            }
        }
    }

    public List<Target> targets() {
        return loadBalancers.stream().flatMap(lb -> lb.targets().stream()).toList();
    }
}
