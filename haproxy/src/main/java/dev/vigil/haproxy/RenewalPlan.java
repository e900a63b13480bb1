package dev.vigil.haproxy;

import dev.vigil.provisioning.inventory.RoleSettings.KeyType;
import dev.vigil.provisioning.inventory.RoleSettings.LbAcme;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
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
public record RenewalPlan(String host, URI directory, Optional<String> email, InetSocketAddress served,
                          HaproxyConfig.Placement placement, List<Certificate> certificates) {

    /** Where {@code ops lb apply} installs it. */
    public static final String PATH = "/etc/vigil/lb-renew.plan";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}");
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

    /** The plan of the balancer {@code config} describes, renewing from {@code acme}. */
    public static RenewalPlan of(HaproxyConfig config, LbAcme acme) {
        HaproxyConfig.Placement p = config.placement();
        List<Certificate> certs = config.certificates().stream().map(c -> new Certificate(
                p.certificateDir() + "/" + HaproxyConfig.fileName(c), c.keyType(), c.names())).toList();
        return new RenewalPlan(config.lbName(), acme.directory(), acme.email(), new InetSocketAddress(
                config.listen().addresses().get(0), config.listen().httpsPort()), p, certs);
    }

    public String render() {
        StringBuilder b = new StringBuilder("# Written by 'ops lb apply': what 'ops lb renew --local' renews on this "
                + "balancer.\n# Change the inventory and run 'ops lb apply', not this file.\n");
        b.append("host ").append(host).append('\n');
        b.append("directory ").append(directory).append('\n');
        email.ifPresent(e -> b.append("email ").append(e).append('\n'));
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
                    case "admin-socket" -> socket = absolute(value);
                    case "state-file" -> state = absolute(value);
                    case "challenge-map" -> map = absolute(value);
                    case "certificate" -> certs.add(certificate(f));
                    default -> throw new IllegalArgumentException("unknown line kind \"" + f[0] + "\"");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        if (host == null || directory == null || served == null || socket == null || state == null || map == null) {
            throw new IllegalArgumentException("a host, directory, served-at, admin-socket, state-file and "
                    + "challenge-map line is needed: not a plan written by 'ops lb apply'");
        }
        String dir = certs.isEmpty() ? "/" : certs.get(0).file().replaceFirst("/[^/]+$", "");
        return new RenewalPlan(host, directory, email, served, new HaproxyConfig.Placement(dir, state, socket, map,
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
        if (f.length != 3 || !f[1].matches("[0-9.]+|[0-9a-fA-F:]+")) {
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

    private static String absolute(String path) {
        if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("expected an absolute path, not \"" + path + "\"");
        }
        return path;
    }
}
