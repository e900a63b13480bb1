package dev.vigil.watchdog;

import java.net.InetAddress;
import java.util.Set;

/**
 * The port to a DNS provider: the A and AAAA records of a name, one address at a time. Adding a record that is
 * there and removing one that is not are no-ops, so a retried change is harmless. Failures throw
 * {@link DnsException} with a message naming the server and the reason.
 */
public interface DnsRecords {

    /** The addresses the A and AAAA records of {@code name} hold now. */
    Set<InetAddress> addresses(String name);

    void add(String name, InetAddress address, int ttlSeconds);

    void remove(String name, InetAddress address);

    /** Where the records live, for messages (e.g. {@code RFC 2136 at 192.0.2.53:53, zone example.com}). */
    String describe();
}
