package dev.vigil.haproxy;

import dev.vigil.haproxy.HaproxyConfig.AppServer;
import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code haproxy.cfg} for HAProxy 2.6 on Debian 12 (OpenSSL 3.0) from a {@link HaproxyConfig}. The TLS
 * settings are Mozilla's intermediate profile (guideline 6.0) for that pair. What each line is for is in
 * docs/load-balancers.md.
 */
public final class HaproxyConfigRenderer {

    static final String CIPHERS = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
            + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:"
            + "ECDHE-RSA-CHACHA20-POLY1305";
    static final String CIPHERSUITES = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";
    static final String CURVES = "X25519:prime256v1:secp384r1";
    /** Two years, Mozilla's recommendation. */
    static final long HSTS_MAX_AGE_SECONDS = 63_072_000;
    /** Source addresses the ping rate limit remembers at once (about 50 bytes each). */
    static final String RATE_TABLE_SIZE = "100k";

    private HaproxyConfigRenderer() {
    }

    public static String render(HaproxyConfig c) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by ops for ").append(c.lbName())
                .append(" from the inventory (docs/load-balancers.md); edits here are overwritten.\n");
        global(b, c);
        defaults(b, c);
        b.append("\n# Per-source request rate of the ping domain, shared by both frontends.\n")
                .append("backend ping_rate\n")
                .append("    stick-table type ipv6 size ").append(RATE_TABLE_SIZE).append(" expire ")
                .append(duration(c.pingRateLimit().period().multipliedBy(2))).append(" store http_req_rate(")
                .append(duration(c.pingRateLimit().period())).append(")\n");
        frontend(b, c, false);
        frontend(b, c, true);
        backend(b, c, "app", false);
        backend(b, c, "ping", true);
        c.acmeRelay().ifPresent(r -> {
            b.append("\n# ACME HTTP-01 tokens this balancer does not hold: the next balancer of the ring, as the CA ")
                    .append("reaches it,\n# the ones after it when it does not answer (a TCP check).\n")
                    .append("backend acme_relay\n");
            for (int i = 0; i < r.ring().size(); i++) {
                HaproxyConfig.AcmeRelay.Peer p = r.ring().get(i);
                b.append("    server ").append(p.name()).append(' ').append(address(p.address())).append(':')
                        .append(p.port()).append(" check").append(i == 0 ? "" : " backup").append('\n');
            }
        });
        return b.toString();
    }

    private static void global(StringBuilder b, HaproxyConfig c) {
        b.append("\nglobal\n");
        b.append("    log /dev/log local0\n");
        if (c.placement().dropPrivileges()) {
            b.append("    chroot /var/lib/haproxy\n    user haproxy\n    group haproxy\n");
        }
        b.append("    master-worker\n");
        b.append("    stats socket ").append(c.placement().adminSocket()).append(" mode 660 level admin\n");
        b.append("    stats timeout 30s\n");
        b.append("    maxconn ").append(c.limits().maxConnections()).append('\n');
        b.append("    hard-stop-after ").append(duration(c.timeouts().hardStopAfter())).append('\n');
        b.append("    spread-checks 5\n");
        b.append("    server-state-file ").append(c.placement().stateFile()).append('\n');
        b.append("    crt-base ").append(c.placement().certificateDir()).append('\n');
        b.append("    ssl-default-bind-curves ").append(CURVES).append('\n');
        b.append("    ssl-default-bind-ciphers ").append(CIPHERS).append('\n');
        b.append("    ssl-default-bind-ciphersuites ").append(CIPHERSUITES).append('\n');
        b.append("    ssl-default-bind-options prefer-client-ciphers ssl-min-ver TLSv1.2 no-tls-tickets\n");
    }

    private static void defaults(StringBuilder b, HaproxyConfig c) {
        var t = c.timeouts();
        b.append("\ndefaults\n");
        b.append("    mode http\n    log global\n    option httplog\n    option dontlognull\n");
        b.append("    option forwardfor\n    option redispatch\n    retries 3\n");
        b.append("    load-server-state-from-file global\n");
        b.append("    timeout connect ").append(duration(t.connect())).append('\n');
        b.append("    timeout client ").append(duration(t.client())).append('\n');
        b.append("    timeout server ").append(duration(t.server())).append('\n');
        b.append("    timeout http-request ").append(duration(t.httpRequest())).append('\n');
        b.append("    timeout http-keep-alive ").append(duration(t.httpKeepAlive())).append('\n');
        b.append("    timeout queue ").append(duration(t.queue())).append('\n');
        b.append("    timeout check ").append(duration(c.healthCheck().inter())).append('\n');
    }

    private static void frontend(StringBuilder b, HaproxyConfig c, boolean tls) {
        int port = tls ? c.listen().httpsPort() : c.listen().httpPort();
        b.append("\nfrontend ").append(tls ? "https" : "http").append('\n');
        String crt = tls ? " ssl " + certificates(c.certificates()) + " alpn h2,http/1.1" : "";
        for (InetAddress a : c.listen().addresses()) {
            b.append("    bind ").append(address(a)).append(':').append(port).append(crt).append('\n');
        }
        // Pings: the ping domain, and over HTTPS also /ping/ on the app domain (the app serves it on both ports).
        // Two acl lines of one name are ORed; HAProxy's conditions have no parentheses.
        if (!tls) {
            acmeChallenges(b, c);
        }
        b.append("    acl ping req.hdr(host),field(1,:) -i ").append(c.pingDomain()).append('\n');
        if (tls) {
            b.append("    acl ping path_beg /ping/\n");
        }
        b.append("    http-request del-header X-Forwarded-For\n");
        b.append("    http-request set-header X-Forwarded-Proto ").append(tls ? "https" : "http").append('\n');
        // ACME requests never reach the ping backend, and relayed ones come from the other balancers' addresses:
        // counting them would let anyone use up a balancer pair's allowance and block a renewal
        String notAcme = tls ? "" : " !acme";
        b.append("    http-request track-sc0 src table ping_rate if ping").append(notAcme).append('\n');
        b.append("    http-request deny deny_status 429 if ping").append(notAcme)
                .append(" { sc_http_req_rate(0,ping_rate) gt ")
                .append(c.pingRateLimit().requests()).append(" }\n");
        if (!tls) {
            b.append("    http-request redirect scheme https code 301 unless ping")
                    .append(c.acmeRelay().isPresent() ? " || acme" : "").append('\n');
            if (c.acmeRelay().isPresent()) {
                b.append("    use_backend acme_relay if acme\n");
            }
        }
        b.append("    use_backend ping if ping\n");
        if (tls) {
            b.append("    default_backend app\n");
        }
    }

    /**
     * ACME HTTP-01: HAProxy answers tokens from the map the issuer fills through the runtime API. With a relay, a
     * token this balancer does not hold goes to the next balancer with the hop count in a header (set here, so a
     * client's value only ever shortens the trip): a request that has made {@code balancers - 1} hops, or carries
     * a count out of range, is answered 404.
     */
    private static void acmeChallenges(StringBuilder b, HaproxyConfig c) {
        String token = "path,field(4,/),map(" + c.placement().acmeChallenges() + ")";
        b.append("    acl acme path_beg /.well-known/acme-challenge/\n");
        b.append("    http-request return status 200 content-type text/plain lf-string \"%[").append(token)
                .append("]\" if acme { ").append(token).append(" -m found }\n");
        if (c.acmeRelay().isEmpty()) {
            return;
        }
        HaproxyConfig.AcmeRelay r = c.acmeRelay().get();
        String hops = HaproxyConfig.AcmeRelay.HOPS_HEADER;
        b.append("    acl acme_relayed req.hdr(").append(hops).append(") -m found\n");
        int last = r.balancers() - 2;   // the highest count that may go one hop further
        if (last >= 1) {
            b.append("    acl acme_hops_left req.hdr_val(").append(hops).append(") 1:").append(last).append('\n');
        }
        b.append("    http-request return status 404 content-type text/plain string \"no such ACME challenge "
                + "token on any balancer\" if acme acme_relayed").append(last >= 1 ? " !acme_hops_left" : "")
                .append('\n');
        if (last >= 1) {
            b.append("    http-request set-header ").append(hops).append(" %[req.hdr_val(").append(hops)
                    .append("),add(1)] if acme acme_relayed\n");
        }
        b.append("    http-request set-header ").append(hops).append(" 1 if acme !acme_relayed\n");
    }

    /**
     * One {@code crt} per file. RSA files come first: the first one loaded is what a client without SNI gets, and
     * every client can use RSA. With SNI, HAProxy 2.6 picks the ECDSA file of the name when the client offers
     * ECDSA, the RSA one otherwise.
     */
    private static String certificates(List<LbCertificate> certs) {
        return certs.stream().sorted(Comparator.comparing((LbCertificate x) -> x.keyType() != KeyType.RSA))
                .map(x -> "crt " + HaproxyConfig.fileName(x)).collect(Collectors.joining(" "));
    }

    private static void backend(StringBuilder b, HaproxyConfig c, String name, boolean ping) {
        var h = c.healthCheck();
        b.append("\nbackend ").append(name).append('\n');
        b.append("    balance roundrobin\n");
        b.append("    option httpchk GET /health\n");
        b.append("    http-check disable-on-404\n");
        if (!ping) {
            b.append("    http-response set-header Strict-Transport-Security \"max-age=").append(HSTS_MAX_AGE_SECONDS)
                    .append("\"\n");
        }
        b.append("    default-server check inter ").append(duration(h.inter())).append(" fall ").append(h.fall())
                .append(" rise ").append(h.rise()).append(" slowstart ").append(duration(h.slowstart()))
                .append(" maxconn ").append(c.limits().serverMaxConnections()).append('\n');
        for (AppServer s : c.servers()) {
            b.append("    server ").append(s.name()).append(' ').append(address(s.address())).append(':')
                    .append(ping ? s.pingPort() : s.port());
            if (ping) {
                b.append(" port ").append(s.port());
            }
            b.append('\n');
        }
    }

    private static String address(InetAddress a) {
        // IPv6 in Java's full form: the short one (RFC 5952) is the watchdog's Addresses.text, not a dependency here
        return a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    }

    /** In the largest unit that states it exactly, as HAProxy reads it: 2s, 500ms, 1m. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
