package dev.vigil.haproxy;

import java.util.List;

/**
 * One load balancer's runtime state, as the drain, ready and status workflows need it. {@link RuntimeApi} is the
 * adapter for an admin socket this process can reach; an adapter over SSH serves the fleet's balancers.
 */
public interface LoadBalancer {

    String name();

    /** Every server of every backend, with its state and current sessions. */
    List<ServerStatus> servers();

    /** {@code ready}, {@code drain} or {@code maint} for one server of one backend. */
    void setState(String backend, String server, String state);

    /** Sets {@code key} to {@code value} in the map file {@code map} HAProxy loaded (in memory, not on disk). */
    void addMapEntry(String map, String key, String value);

    void deleteMapEntry(String map, String key);
}
