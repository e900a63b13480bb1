package dev.vigil.provisioning.inventory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code ops.yaml} into an {@link Inventory}. Strict: unknown keys, wrong types, duplicate host names or
 * addresses and unknown roles are errors naming file, line and column. The format is documented in
 * docs/provisioning.md.
 */
public final class InventoryLoader {

    public static final String DEFAULT_FILE = "ops.yaml";

    private static final Pattern HOST_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
    private static final Pattern SIZE = Pattern.compile("\\d+[kKmMgG]?[bB]?");
    private static final Pattern SSH_PUBLIC_KEY = Pattern.compile(
            "(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\\.com) [A-Za-z0-9+/]+=*( .*)?");
    private static final Pattern SMTP_RELAY = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");
    private static final Pattern BUCKET_URL = Pattern.compile("s3://[a-z0-9][a-z0-9.-]*(/[^\\s]*)?");

    private InventoryLoader() {
    }

    public static Inventory load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read inventory " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if read from {@code file} (relative paths in it resolve against its folder). */
    public static Inventory parse(Path file, String text) {
        try (Reader reader = new StringReader(text)) {
            YamlNode root = new YamlTreeReader(file).read(reader);
            return new Binder(file).inventory(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the located YAML tree into records, checking as it goes. */
    private static final class Binder {
        private final Path file;
        private final Path folder;

        Binder(Path file) {
            this.file = file;
            Path parent = file.toAbsolutePath().getParent();
            this.folder = parent == null ? Path.of(".") : parent;
        }

        Inventory inventory(YamlNode root) {
            NodeReader top = NodeReader.of(file, "", root, Set.of("ssh", "domains", "base", "roles", "secrets",
                    "hosts"));
            SshSettings ssh = ssh(top.mapping("ssh", Set.of("user", "port", "identities", "agent", "known_hosts",
                    "connect_timeout_seconds", "command_timeout_seconds")));
            NodeReader d = top.mapping("domains", Set.of("app", "ping"));
            Domains domains = new Domains(d.string("app", null), d.string("ping", null));
            RoleSettings settings = settings(top);
            NodeReader sec = top.mapping("secrets", Set.of("file", "recipients"));
            SecretsSettings secrets = new SecretsSettings(path(sec.string("file", "secrets.pgp")),
                    sec.strings("recipients").stream().map(this::path).toList());
            if (!top.has("hosts")) {
                throw top.problemAt("hosts", "missing required key \"hosts\" (the list of servers)");
            }
            List<Host> hosts = top.list("hosts", (node, path) -> host(node, path, ssh.login()));
            checkUnique(top, hosts);
            return new Inventory(file, ssh, domains, settings, secrets, hosts);
        }

        private SshSettings ssh(NodeReader r) {
            SshEndpoint login = new SshEndpoint(user(r, "root"), r.integer("port", 22, 1, 65535));
            List<Path> identities = r.strings("identities").stream().map(this::path).toList();
            if (identities.isEmpty()) {
                Path home = Path.of(System.getProperty("user.home"), ".ssh");
                identities = List.of(home.resolve("id_ed25519"), home.resolve("id_rsa"));
            }
            Path knownHosts = path(r.string("known_hosts", "known_hosts"));
            return new SshSettings(login, identities, r.bool("agent", true), knownHosts,
                    r.integer("connect_timeout_seconds", 10, 1, 600),
                    r.integer("command_timeout_seconds", 600, 1, 86_400));
        }

        private String user(NodeReader r, String fallback) {
            return user(r, "user", fallback);
        }

        private String user(NodeReader r, String key, String fallback) {
            if (!r.has(key)) {
                return fallback;
            }
            String user = r.string(key);
            if (!USER.matcher(user).matches()) {
                throw r.problemAt(key, "not a valid user name: \"" + user + "\"");
            }
            return user;
        }

        /** Armored OpenPGP public keys from files beside the inventory, read now so a bad path fails here. */
        private List<RoleSettings.KeyFile> keyFiles(NodeReader r, String key) {
            List<String> names = r.strings(key);
            List<RoleSettings.KeyFile> files = new java.util.ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                Path p = path(names.get(i));
                YamlNode item = ((YamlNode.Sequence) r.node(key)).items().get(i);
                String text;
                try {
                    text = Files.readString(p, StandardCharsets.US_ASCII);
                } catch (IOException | UncheckedIOException e) {
                    throw NodeReader.problem(file, item.location(), r.path(key) + "[" + i + "]", "cannot read " + p
                            + ": " + e.getMessage());
                }
                if (!text.contains("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
                    throw NodeReader.problem(file, item.location(), r.path(key) + "[" + i + "]", p
                            + " is not an armored OpenPGP public key (gpg --armor --export)");
                }
                files.add(new RoleSettings.KeyFile(p.getFileName().toString(), text));
            }
            return files;
        }

        private Path path(String text) {
            String expanded = text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
            return folder.resolve(expanded).normalize();
        }

        private RoleSettings settings(NodeReader top) {
            NodeReader b = top.mapping("base", Set.of("timezone", "packages", "root_crontab", "admin_user",
                    "admin_keys"));
            Optional<String> admin = b.has("admin_user") ? Optional.of(user(b, "admin_user", null)) : Optional.empty();
            List<String> adminKeys = b.strings("admin_keys");
            for (int i = 0; i < adminKeys.size(); i++) {
                if (!SSH_PUBLIC_KEY.matcher(adminKeys.get(i)).matches()) {
                    YamlNode item = ((YamlNode.Sequence) b.node("admin_keys")).items().get(i);
                    throw NodeReader.problem(file, item.location(), b.path("admin_keys") + "[" + i + "]",
                            "expected an SSH public key line (ssh-ed25519 AAAA... comment)");
                }
            }
            if (admin.isPresent() && adminKeys.isEmpty()) {
                throw b.problemAt("admin_user", "admin_user needs admin_keys (the SSH public keys it logs in with)");
            }
            RoleSettings.Base base = new RoleSettings.Base(b.string("timezone", "Etc/UTC"), b.strings("packages"),
                    b.strings("root_crontab"), admin, adminKeys);
            validateCrontab(b);
            NodeReader roles = top.mapping("roles", Set.of("lb", "app", "db", "watchdog"));
            NodeReader a = roles.mapping("app", Set.of("version", "java_heap", "http_port", "ping_port",
                    "smtp_relay"));
            Optional<String> relay = Optional.ofNullable(a.string("smtp_relay", null));
            if (relay.isPresent() && !SMTP_RELAY.matcher(relay.get()).matches()) {
                throw a.problemAt("smtp_relay", "expected host:port of the mail provider, like smtp.example.com:587");
            }
            int httpPort = a.integer("http_port", 8080, 1, 65535);
            int pingPort = a.integer("ping_port", httpPort == 65535 ? 65534 : httpPort + 1, 1, 65535);
            if (pingPort == httpPort) {
                throw a.problemAt("ping_port", "must differ from http_port (" + httpPort + ")");
            }
            RoleSettings.App app = new RoleSettings.App(a.string("version", null), size(a, "java_heap", "512m"),
                    httpPort, pingPort, relay);
            NodeReader db = roles.mapping("db", Set.of("postgresql_version", "shared_buffers", "work_mem",
                    "max_connections", "backup_bucket", "backup_s3_endpoint", "backup_s3_region",
                    "backup_s3_path_style", "backup_recipients"));
            String bucket = db.string("backup_bucket", null);
            if (bucket != null && !BUCKET_URL.matcher(bucket).matches()) {
                throw db.problemAt("backup_bucket", "expected s3://BUCKET or s3://BUCKET/PREFIX, not \"" + bucket
                        + "\"");
            }
            List<RoleSettings.KeyFile> recipients = keyFiles(db, "backup_recipients");
            RoleSettings.Db dbSettings = new RoleSettings.Db(db.integer("postgresql_version", 15, 12, 99),
                    size(db, "shared_buffers", "auto"), size(db, "work_mem", "4MB"),
                    db.integer("max_connections", 100, 5, 10_000), bucket,
                    Optional.ofNullable(db.string("backup_s3_endpoint", null)),
                    db.string("backup_s3_region", "us-east-1"), db.bool("backup_s3_path_style", false), recipients);
            NodeReader lb = roles.mapping("lb", Set.of("max_connections"));
            RoleSettings.Watchdog watchdog = WatchdogSettingsReader.read(
                    roles.mapping("watchdog", WatchdogSettingsReader.KEYS), this::path);
            return new RoleSettings(base, app, dbSettings,
                    new RoleSettings.Lb(lb.integer("max_connections", 4096, 1, 1_000_000)), watchdog);
        }

        private static String size(NodeReader r, String key, String fallback) {
            if (!r.has(key)) {
                return fallback;
            }
            String value = r.string(key);
            if (!SIZE.matcher(value).matches()) {
                throw r.problemAt(key, "expected a size like 512m or 1GB, not \"" + value + "\"");
            }
            return value;
        }

        /** Crontab lines are checked here, so a typo fails before any server is touched. */
        private void validateCrontab(NodeReader b) {
            if (!b.has("root_crontab")) {
                return;
            }
            YamlNode.Sequence seq = (YamlNode.Sequence) b.node("root_crontab");
            for (int i = 0; i < seq.items().size(); i++) {
                YamlNode.Scalar line = (YamlNode.Scalar) seq.items().get(i);
                try {
                    UserCrontabLine.check(line.text());
                } catch (dev.vigil.schedule.InvalidScheduleException e) {
                    throw NodeReader.problem(file, line.location(), b.path("root_crontab") + "[" + i + "]",
                            "invalid crontab line: " + e.getMessage());
                }
            }
        }

        private Host host(YamlNode node, String path, SshEndpoint defaults) {
            NodeReader r = NodeReader.of(file, path, node,
                    Set.of("name", "ipv4", "ipv6", "wireguard", "roles", "ssh"));
            String name = r.string("name");
            if (!HOST_NAME.matcher(name).matches()) {
                throw r.problemAt("name", "host names are lower-case letters, digits and '-', starting with a "
                        + "letter; not \"" + name + "\"");
            }
            Optional<Inet4Address> ipv4 = r.has("ipv4") ? Optional.of(r.parsed("ipv4", InventoryLoader::ipv4))
                    : Optional.empty();
            Optional<Inet6Address> ipv6 = r.has("ipv6") ? Optional.of(r.parsed("ipv6", InventoryLoader::ipv6))
                    : Optional.empty();
            if (ipv4.isEmpty() && ipv6.isEmpty()) {
                throw NodeReader.problem(file, r.location(), path, "host \"" + name + "\" needs ipv4 or ipv6");
            }
            Optional<Inet4Address> wg = r.has("wireguard") ? Optional.of(r.parsed("wireguard", InventoryLoader::ipv4))
                    : Optional.empty();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            r.list("roles", (item, itemPath) -> {
                String id = item instanceof YamlNode.Scalar s ? s.text() : null;
                Role role = id == null ? null : Role.byId(id).orElse(null);
                if (role == null) {
                    throw NodeReader.problem(file, item.location(), itemPath, "unknown role \""
                            + (id == null ? item.kind() : id) + "\"; roles are " + Role.ids());
                }
                if (!roles.add(role)) {
                    throw NodeReader.problem(file, item.location(), itemPath, "role \"" + id + "\" listed twice");
                }
                return role;
            });
            NodeReader ssh = r.mapping("ssh", Set.of("user", "port"));
            SshEndpoint endpoint = new SshEndpoint(user(ssh, defaults.user()), ssh.integer("port", defaults.port(),
                    1, 65535));
            return new Host(name, ipv4, ipv6, wg, endpoint, roles);
        }

        /** Names and every address must be unique: two hosts on one address is always a copy-paste slip. */
        private void checkUnique(NodeReader top, List<Host> hosts) {
            YamlNode.Sequence seq = (YamlNode.Sequence) top.node("hosts");
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < hosts.size(); i++) {
                Host h = hosts.get(i);
                YamlNode.Mapping m = (YamlNode.Mapping) seq.items().get(i);
                claim(seen, "name " + h.name(), i, m, "name", hosts);
                int index = i;
                h.ipv4().ifPresent(a -> claim(seen, "address " + a.getHostAddress(), index, m, "ipv4", hosts));
                h.ipv6().ifPresent(a -> claim(seen, "address " + a.getHostAddress(), index, m, "ipv6", hosts));
                h.wireguard().ifPresent(a -> claim(seen, "address " + a.getHostAddress(), index, m, "wireguard",
                        hosts));
            }
        }

        private void claim(Map<String, Integer> seen, String what, int index, YamlNode.Mapping m, String key,
                           List<Host> hosts) {
            Integer first = seen.putIfAbsent(what, index);
            if (first != null && first != index) {
                throw NodeReader.problem(file, m.entries().get(key).value().location(), "hosts[" + index + "]."
                        + key, "duplicate " + what + " (also host \"" + hosts.get(first).name() + "\")");
            }
        }
    }

    static Inet4Address ipv4(String text) {
        if (!IPV4.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        }
        return (Inet4Address) literal(text);
    }

    static Inet6Address ipv6(String text) {
        if (!IPV6.matcher(text).matches() || !(literal(text) instanceof Inet6Address a)) {
            throw new IllegalArgumentException("not an IPv6 address: \"" + text + "\"");
        }
        return a;
    }

    /** Only ever called on text that looks like a literal address, so no name lookup happens. */
    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: \"" + text + "\"");
        }
    }
}
