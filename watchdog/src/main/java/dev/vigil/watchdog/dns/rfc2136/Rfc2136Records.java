package dev.vigil.watchdog.dns.rfc2136;

import dev.vigil.watchdog.Addresses;
import dev.vigil.watchdog.DnsException;
import dev.vigil.watchdog.DnsRecords;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * RFC 2136 dynamic updates signed with TSIG, sent to the zone's primary server (BIND, Knot, PowerDNS, ...).
 * Everything goes over TCP: a down server is then a refused connection at once, not a UDP timeout, and answers
 * are never truncated. Queries are signed too, so a server that restricts transfers and queries still answers,
 * and every answer's signature is checked.
 */
public final class Rfc2136Records implements DnsRecords {

    private final InetSocketAddress server;
    private final Name zone;
    private final TsigKey key;
    private final Duration timeout;

    public Rfc2136Records(InetSocketAddress server, String zone, TsigKey key, Duration timeout) {
        this.server = server;
        this.zone = absolute(zone);
        this.key = key;
        this.timeout = timeout;
    }

    @Override
    public Set<InetAddress> addresses(String name) {
        Name n = inZone(name);
        Set<InetAddress> out = new LinkedHashSet<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Message response = send(Message.newQuery(Record.newRecord(n, type, DClass.IN)), "query " + name);
            int rcode = response.getRcode();
            if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
                throw new DnsException(describe() + " answered " + Rcode.string(rcode) + " to a query for " + name);
            }
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a && r.getName().equals(n)) {
                    out.add(a.getAddress());
                } else if (r instanceof AAAARecord a && r.getName().equals(n)) {
                    out.add(a.getAddress());
                }
            }
        }
        return out;
    }

    @Override
    public void add(String name, InetAddress address, int ttlSeconds) {
        Update update = new Update(zone);
        update.add(record(inZone(name), address, ttlSeconds));
        update(update, "add " + name + " " + Addresses.text(address));
    }

    @Override
    public void remove(String name, InetAddress address) {
        Update update = new Update(zone);
        update.delete(record(inZone(name), address, 0));
        update(update, "remove " + name + " " + Addresses.text(address));
    }

    @Override
    public String describe() {
        return "RFC 2136 server " + server.getHostString() + ":" + server.getPort() + " (zone " + zone + ", key "
                + key + ")";
    }

    private void update(Update update, String what) {
        Message response = send(update, what);
        if (response.getRcode() != Rcode.NOERROR) {
            throw new DnsException(describe() + " refused to " + what + ": " + Rcode.string(response.getRcode())
                    + hint(response.getRcode()));
        }
    }

    private static String hint(int rcode) {
        return switch (rcode) {
            case Rcode.NOTAUTH -> " (wrong TSIG key or secret, or the server is not authoritative for the zone)";
            case Rcode.REFUSED -> " (the zone's update-policy does not grant this key the name)";
            case Rcode.NOTZONE -> " (the name is not inside the zone)";
            default -> "";
        };
    }

    private Message send(Message message, String what) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(true);
        resolver.setTimeout(timeout);
        resolver.setTSIGKey(key.tsig());
        Message response;
        try {
            response = resolver.send(message);
        } catch (IOException e) {
            throw new DnsException(describe() + " unreachable for " + what + ": " + e.getMessage(), e);
        }
        if (!response.isVerified()) {
            throw new DnsException(describe() + " answered " + Rcode.string(response.getRcode()) + " to " + what
                    + " without a valid TSIG signature (the server does not know key " + key
                    + ", the secret differs, or the clocks are more than 5 minutes apart)");
        }
        return response;
    }

    private Name inZone(String name) {
        Name n = absolute(name);
        if (!n.subdomain(zone)) {
            throw new DnsException(name + " is not inside zone " + zone);
        }
        return n;
    }

    private static Record record(Name name, InetAddress address, int ttl) {
        return address instanceof Inet6Address ? new AAAARecord(name, DClass.IN, ttl, address)
                : new ARecord(name, DClass.IN, ttl, address);
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a valid DNS name: \"" + name + "\"");
        }
    }
}
