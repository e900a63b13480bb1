package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbAcme;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code ops lb renew --local} renews on the balancer it runs on, from cron: the ACME CA, this balancer's
 * certificate files with their names and key types, and where HAProxy's admin socket, state file and challenge
 * map are. {@code ops lb apply} (and {@code ops provision}) install it as {@link #PATH}, so the balancer needs no
 * inventory and logs in nowhere. A line format of its own, like the private network's verify plan, because
 * nothing but this class reads it.
 */
public record RenewalPlan(String host, URI directory, Optional<String> email, int renewDays, InetSocketAddress served,
                          HaproxyConfig.Placement placement, List<Certificate> certificates) {

    /** Where {@code ops lb apply} installs it. */
    public static final String PATH = "/etc/vigil/lb-renew.plan";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");
    /** What the admin socket and the map may be named (the runtime API over SSH takes no other). */
    private static final Pattern PATH_TEXT = Pattern.compile("/[A-Za-z0-9_./-]+");
    /** Let's Encrypt issues 5 certificates per set of names a week: balancers a week apart stay under it. */
    private static final int DAYS_APART = 7;
    private static final int STAGGERED = 4;
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    /** One certificate file on the balancer, and what it certifies. */
    public record Certificate(String file, KeyType keyType, List<String> names) {
        public Certificate {
            names = List.copyOf(names);
        }
    }

    public RenewalPlan {
        certificates = List.copyOf(certificates);
    }

    /**
     * How many days before expiry the {@code index}-th balancer of the inventory renews: 30 for the first, then a
     * week less for each of the next three (23, 16, 9). Each balancer orders its own pair for the same names, and
     * the inventory's files, which they all start with, expire at once: a week apart, the CA sees at most two
     * balancers' orders (four certificates) for a set of names in any week. After the first round each balancer's
     * certificates have dates of their own, so they stay apart.
     */
    public static int renewDays(int index) {
        return (int) AcmeIssuer.RENEW_BEFORE.toDays() - DAYS_APART * Math.min(index, STAGGERED - 1);
    }

    /** When a certificate valid until {@code notAfter} is due for this balancer at {@code now}. */
    public boolean due(Instant notAfter, Instant now) {
        return !now.plus(java.time.Duration.ofDays(renewDays)).isBefore(notAfter);
    }

    /** The plan of the balancer {@code config} describes, renewing from {@code acme}. */
    public static RenewalPlan of(HaproxyConfig config, LbAcme acme) {
        return of(config, acme, 0);
    }

    /** The same for the {@code index}-th balancer of the inventory ({@link #renewDays}). */
    public static RenewalPlan of(HaproxyConfig config, LbAcme acme, int index) {
        HaproxyConfig.Placement p = config.placement();
        List<Certificate> certs = config.certificates().stream().map(c -> new Certificate(
                p.certificateDir() + "/" + HaproxyConfig.fileName(c), c.keyType(), c.names())).toList();
        return new RenewalPlan(config.lbName(), acme.directory(), acme.email(), renewDays(index), new InetSocketAddress(
                config.listen().addresses().get(0), config.listen().httpsPort()), p, certs);
    }

    public String render() {
        StringBuilder b = new StringBuilder("# Written by 'ops lb apply': what 'ops lb renew --local' renews on this "
                + "balancer.\n# Change the inventory and run 'ops lb apply', not this file.\n");
        b.append("host ").append(host).append('\n');
        b.append("directory ").append(directory).append('\n');
        email.ifPresent(e -> b.append("email ").append(e).append('\n'));
        b.append("renew-days ").append(renewDays).append('\n');
        b.append("served-at ").append(served.getAddress().getHostAddress()).append(' ').append(served.getPort())
                .append('\n');
        b.append("admin-socket ").append(placement.adminSocket()).append('\n');
        b.append("state-file ").append(placement.stateFile()).append('\n');
        b.append("challenge-map ").append(placement.acmeChallenges()).append('\n');
        for (Certificate c : certificates) {
            b.append("certificate ").append(c.keyType().id()).append(' ').append(c.file()).append(' ')
                    .append(String.join(",", c.names())).append('\n');
        }
        return b.toString();
    }

    /** Reads a rendered plan; anything else is an error naming the line. */
    public static RenewalPlan parse(String text) {
        String host = null;
        URI directory = null;
        Optional<String> email = Optional.empty();
        InetSocketAddress served = null;
        Integer days = null;
        String socket = null;
        String state = null;
        String map = null;
        List<Certificate> certs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            try {
                String value = one(f);
                switch (f[0]) {
                    case "host" -> {
                        if (!NAME.matcher(value).matches()) {
                            throw new IllegalArgumentException("not a host name");
                        }
                        host = value;
                    }
                    case "directory" -> {
                        directory = URI.create(value);
                        if (!"https".equals(directory.getScheme()) && !"http".equals(directory.getScheme())) {
                            throw new IllegalArgumentException("the ACME directory must be an http(s) URL");
                        }
                    }
                    case "email" -> email = Optional.of(value);
                    case "served-at" -> served = served(f);
                    case "renew-days" -> {
                        days = Integer.parseInt(value);
                        if (days < 1 || days > 60) {
                            throw new IllegalArgumentException("renew-days must be 1 to 60, not " + days);
                        }
                    }
                    case "admin-socket" -> socket = runtimePath(value);
                    case "state-file" -> state = absolute(value);
                    case "challenge-map" -> map = runtimePath(value);
                    case "certificate" -> certs.add(certificate(f));
                    default -> throw new IllegalArgumentException("unknown line kind \"" + f[0] + "\"");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        if (host == null || directory == null || days == null || served == null || socket == null || state == null || map == null) {
            throw new IllegalArgumentException("a host, directory, renew-days, served-at, admin-socket, state-file and "
                    + "challenge-map line is needed: not a plan written by 'ops lb apply'");
        }
        String dir = certs.isEmpty() ? "/" : certs.get(0).file().replaceFirst("/[^/]+$", "");
        return new RenewalPlan(host, directory, email, days, served, new HaproxyConfig.Placement(dir, state, socket, map,
                true), certs);
    }

    private static String one(String[] f) {
        if (f[0].equals("certificate") || f[0].equals("served-at")) {
            return "";
        }
        if (f.length != 2) {
            throw new IllegalArgumentException("expected '" + f[0] + " VALUE'");
        }
        return f[1];
    }

    /** {@code served-at ADDRESS PORT}: where this balancer's HTTPS frontend listens, to check what it serves. */
    private static InetSocketAddress served(String[] f) {
        // a literal address only (with a dot or a colon), so that nothing here is looked up in DNS
        if (f.length != 3 || !f[1].matches("[0-9]+(\\.[0-9]+){3}|[0-9a-fA-F]*:[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("expected 'served-at IP-ADDRESS PORT'");
        }
        int port = Integer.parseInt(f[2]);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(f[1]), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + f[1], e);
        }
    }

    private static Certificate certificate(String[] f) {
        if (f.length != 4) {
            throw new IllegalArgumentException("expected 'certificate ecdsa|rsa FILE NAME[,NAME...]'");
        }
        KeyType type;
        try {
            type = KeyType.valueOf(f[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key type must be ecdsa or rsa, not \"" + f[1] + "\"");
        }
        List<String> names = List.of(f[3].split(","));
        for (String n : names) {
            if (!DNS_NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("not a DNS name: \"" + n + "\"");
            }
        }
        return new Certificate(absolute(f[2]), type, names);
    }

    private static String runtimePath(String path) {
        if (!PATH_TEXT.matcher(path).matches()) {
            throw new IllegalArgumentException("expected an absolute path of letters, digits and _./-, not \"" + path
                    + "\"");
        }
        return absolute(path);
    }

    private static String absolute(String path) {
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("expected an absolute path, not \"" + path + "\"");
        }
        return path;
    }
}
