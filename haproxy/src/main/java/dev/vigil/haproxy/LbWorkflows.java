package dev.vigil.haproxy;

import dev.vigil.provisioning.remote.LocalHost;
import dev.vigil.provisioning.remote.InstalledFile;
import dev.vigil.provisioning.inventory.Inventory;
import dev.vigil.provisioning.inventory.InventoryLoader;
import dev.vigil.provisioning.inventory.RoleSettings;
import dev.vigil.provisioning.inventory.RoleSettings.LbCertificate;
import dev.vigil.table.TextTable;

import dev.vigil.provisioning.inventory.Host;
import dev.vigil.provisioning.inventory.Role;
import dev.vigil.provisioning.remote.RemoteHost;
import dev.vigil.provisioning.run.HostReport;
import dev.vigil.provisioning.run.Provision;
import dev.vigil.provisioning.run.ReportPrinter;
import dev.vigil.provisioning.ssh.SshFleet;
import dev.vigil.provisioning.task.Task;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the {@code ops lb} commands do, as plain Java over the inventory. */
public final class LbWorkflows {

    private LbWorkflows() {
    }

    /** The configuration of load balancer {@code host}, built from the inventory and passed by haproxy -c. */
    public static String render(Inventory inventory, String host) {
        return HaproxyValidator.validated(HaproxyConfigs.forHost(inventory, host));
    }

    /** Certificates with less time left than this make {@code ops lb certs} fail. */
    public static final Duration RENEW_WARNING = Duration.ofDays(14);

    /**
     * The inventory's certificate files, soonest expiry first, as a table (file, key type, names, expiry, days
     * left); {@code ok} is false when one has less than {@link #RENEW_WARNING} left.
     */
    public static CertificateReport certificates(Inventory inventory, Instant now) {
        List<LbCertificate> certs = new ArrayList<>(inventory.settings().lb().certificates());
        if (certs.isEmpty()) {
            throw new LbConfigException("roles.lb.certificates lists no certificate files in " + inventory.file());
        }
        certs.sort(Comparator.comparing(LbCertificate::notAfter));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("FILE", "KEY", "NAMES", "EXPIRES", "DAYS LEFT"));
        boolean ok = true;
        for (LbCertificate c : certs) {
            long days = Duration.between(now, c.notAfter()).toDays();
            ok &= Duration.between(now, c.notAfter()).compareTo(RENEW_WARNING) >= 0;
            rows.add(List.of(inventory.file().toAbsolutePath().getParent().relativize(c.file()).toString(),
                    c.keyType().id(), String.join(",", c.names()),
                    c.notAfter().truncatedTo(ChronoUnit.SECONDS).toString(), Long.toString(days)));
        }
        return new CertificateReport(TextTable.render(rows), ok);
    }

    public record CertificateReport(String table, boolean ok) {
    }

    /**
     * {@code ops lb certs}: what each balancer serves on port 443 for the app and ping domains, with each key
     * type ({@link CertificateSurvey}); {@code ok} is false for a wrong, missing or expiring certificate.
     */
    public static CertificateSurvey.Report served(Inventory inventory, List<Host> balancers, Instant now) {
        Map<String, InetSocketAddress> addresses = new LinkedHashMap<>();
        balancers.forEach(h -> addresses.put(h.name(), new InetSocketAddress(h.sshAddress(), HTTPS_PORT)));
        return CertificateSurvey.survey(addresses, List.of(inventory.domains().app(), inventory.domains().ping()),
                now, RENEW_WARNING);
    }

    /** Where the balancers serve TLS. */
    static final int HTTPS_PORT = 443;

    /**
     * {@code ops lb renew}: each certificate file of the inventory that is due gets a new certificate from the
     * inventory's ACME CA, HTTP-01 answered by every balancer at once (tokens through the runtime API over SSH),
     * written over the file; then the files are installed as {@code apply} installs them (a balancer's newer
     * certificate is kept) and the balancers reload; then what they serve is checked. With {@code dryRun}: what is
     * due and the plan of {@code apply}, no order placed. False when an order, a balancer or the final check fails.
     */
    public static boolean renew(Inventory inventory, List<Host> balancers, Path accountKeyFile, boolean dryRun,
                                int parallel, PrintWriter out) {
        RoleSettings.LbAcme acme = inventory.settings().lb().acme().orElseThrow(() -> new LbConfigException(
                "roles.lb.acme is not set in " + inventory.file() + ": say which ACME CA renews the certificates, "
                        + "e.g. acme: {directory: https://acme-v02.api.letsencrypt.org/directory, email: you@example.com}"));
        List<LbCertificate> due = CertificateRenewal.due(inventory.settings().lb().certificates(), Instant.now());
        if (due.isEmpty()) {
            out.println("no certificate is due: each expires more than " + AcmeIssuer.RENEW_BEFORE.toDays()
                    + " days from now");
        }
        Inventory current = inventory;
        if (dryRun) {
            due.forEach(c -> out.println("would renew " + c.file() + " (" + c.keyType().id() + ", "
                    + String.join(",", c.names()) + ", expires " + c.notAfter() + ") from " + acme.directory()));
        } else if (!due.isEmpty()) {
            KeyPair account = CertificateRenewal.accountKey(accountKeyFile, line -> progress(out, line));
            try (SshFleet fleet = new SshFleet(inventory, balancers)) {
                List<LoadBalancer> lbs = fleet.hosts().stream().<LoadBalancer>map(LbWorkflows::overSsh).toList();
                AcmeIssuer issuer = new AcmeIssuer(acme.directory(), acme.email(), account, lbs,
                        HaproxyConfig.Placement.DEBIAN.acmeChallenges(), ORDER_TIMEOUT);
                CertificateRenewal.renew(due, issuer, line -> progress(out, line));
            }
            current = InventoryLoader.load(inventory.file());   // the new files, checked as at any load
        }
        out.flush();
        boolean applied = apply(current, balancers, tasks(current, balancers), dryRun, parallel, false, out);
        if (dryRun) {
            return applied;
        }
        CertificateSurvey.Report served = served(current, balancers, Instant.now());
        out.print(served.table());
        out.flush();
        return applied && served.ok();
    }

    /**
     * {@code ops lb renew --local}, on a balancer from cron: its own certificate files renewed from the plan
     * {@code ops lb apply} installed ({@link LocalRenewal}), the account key made on the balancer on the first
     * run, the tokens through the local admin socket, the reload as {@code ops lb apply} does it. With
     * {@code dryRun}: what is due, nothing ordered.
     */
    public static boolean renewLocal(Path planFile, Path accountKeyFile, boolean dryRun, PrintWriter out) {
        RenewalPlan plan = InstalledFile.read(planFile, "ops lb apply", RenewalPlan::parse);
        if (dryRun) {
            LocalRenewal.due(plan, Instant.now(), out).forEach(c -> out.println("would renew " + c.file() + " ("
                    + c.keyType().id() + ", " + String.join(",", c.names()) + ") from " + plan.directory()));
            out.flush();
            return true;
        }
        KeyPair account = CertificateRenewal.accountKey(accountKeyFile, line -> progress(out, line));
        LocalHost host = new LocalHost(plan.host(), Duration.ofMinutes(1));
        RuntimeApi api = new RuntimeApi(plan.host(), Path.of(plan.placement().adminSocket()));
        LocalRenewal.Balancer self = new LocalRenewal.Balancer() {
            @Override
            public LoadBalancer runtime() {
                return api;
            }

            @Override
            public void check() {
                dev.vigil.provisioning.remote.CommandResult r = host.run("haproxy -c -q -f " + LbTasks.CONFIG);
                if (!r.ok()) {
                    throw new IllegalStateException("haproxy -c: " + r.summary());
                }
            }

            @Override
            public void reload() {
                new HaproxyReloaded(plan.placement(), List.of()).reload(host);
            }
        };
        return LocalRenewal.run(plan, account, self, Instant.now(), ORDER_TIMEOUT, out);
    }

    /** How long one ACME order (the CA's checks of every balancer, then the certificate) may take. */
    static final Duration ORDER_TIMEOUT = Duration.ofMinutes(2);

    private static void progress(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    /** The hosts with role lb among {@code selected}; none is an error naming the selection. */
    public static List<Host> balancers(List<Host> selected) {
        List<Host> lbs = selected.stream().filter(h -> h.has(Role.LB)).toList();
        if (lbs.isEmpty()) {
            throw new IllegalArgumentException("no load balancer (role lb) among the selected hosts "
                    + selected.stream().map(Host::name).toList());
        }
        return lbs;
    }

    /**
     * Each balancer's tasks ({@link LbTasks}), built before any server is contacted: an inventory that cannot
     * configure one, or a configuration the local {@code haproxy -c} refuses, fails here and touches nothing.
     */
    public static Map<String, List<Task>> tasks(Inventory inventory, List<Host> balancers) {
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Host h : balancers) {
            tasks.put(h.name(), LbTasks.forHost(inventory, h));
        }
        return tasks;
    }

    /** {@code ops lb apply}: each balancer's {@link #tasks}, or with {@code dryRun} their diffs. */
    public static boolean apply(Inventory inventory, List<Host> balancers, Map<String, List<Task>> tasks,
                                boolean dryRun, int parallel, boolean verbose, PrintWriter out) {
        ReportPrinter printer = new ReportPrinter(out, dryRun, verbose);
        try (SshFleet fleet = new SshFleet(inventory, balancers)) {
            List<HostReport> reports = Provision.run(fleet.hosts(), tasks, dryRun, parallel, printer::host);
            printer.summary(reports);
            return reports.stream().noneMatch(HostReport::failed);
        }
    }

    /**
     * {@code ops lb status}: every app server's state and current sessions on each balancer, read over SSH. False
     * when a balancer could not be asked or a server is DOWN (NOLB, DRAIN and MAINT are someone's decision).
     */
    public static boolean status(Inventory inventory, List<Host> balancers, PrintWriter out) {
        try (SshFleet fleet = new SshFleet(inventory, balancers)) {
            Map<String, List<ServerStatus>> servers = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            for (RemoteHost h : fleet.hosts()) {
                try {
                    servers.put(h.name(), overSsh(h).servers());
                } catch (RuntimeException e) {
                    failures.add(h.name() + ": FAILED " + e.getMessage());
                }
            }
            out.print(LbServerStates.table(servers));
            failures.forEach(out::println);
            boolean down = servers.values().stream().flatMap(List::stream)
                    .anyMatch(s -> LbServerStates.BACKENDS.contains(s.backend()) && s.state().equals("DOWN"));
            out.flush();
            return failures.isEmpty() && !down;
        }
    }

    /**
     * {@code ops lb drain SERVER}: the app server in DRAIN in both backends on every balancer, then a wait until
     * none has a session to it (at most {@code cap}). A dry run shows each balancer's current state of it and
     * changes nothing. False when sessions were left at the cap.
     */
    public static boolean drain(Inventory inventory, List<Host> balancers, String server, Duration cap,
                                boolean dryRun, PrintWriter out) {
        requireAppServer(inventory, server);
        try (SshFleet fleet = new SshFleet(inventory, balancers)) {
            List<LoadBalancer> lbs = fleet.hosts().stream().<LoadBalancer>map(LbWorkflows::overSsh).toList();
            if (dryRun) {
                return wouldSet(lbs, server, "DRAIN", out);
            }
            LbServerStates.DrainResult r = LbServerStates.drain(lbs, server, cap);
            out.println(r.drained()
                    ? server + " drained on " + names(lbs) + " (no session left after " + r.waited().toMillis()
                    + " ms)"
                    : server + " is in DRAIN on " + names(lbs) + ", but " + r.sessionsLeft() + " session(s) are "
                    + "still open after " + cap.toSeconds() + " s");
            out.flush();
            return r.drained();
        }
    }

    /** {@code ops lb ready SERVER}: the app server back in rotation in both backends on every balancer. */
    public static boolean ready(Inventory inventory, List<Host> balancers, String server, boolean dryRun,
                                PrintWriter out) {
        requireAppServer(inventory, server);
        try (SshFleet fleet = new SshFleet(inventory, balancers)) {
            List<LoadBalancer> lbs = fleet.hosts().stream().<LoadBalancer>map(LbWorkflows::overSsh).toList();
            if (dryRun) {
                return wouldSet(lbs, server, "READY", out);
            }
            LbServerStates.ready(lbs, server);
            out.println(server + " ready on " + names(lbs));
            out.flush();
            return true;
        }
    }

    /** The server's name must be an app server of the inventory: checked before any balancer is asked. */
    public static void requireAppServer(Inventory inventory, String server) {
        Host h = inventory.host(server).orElseThrow(() -> new IllegalArgumentException("no host named \"" + server
                + "\" in " + inventory.file()));
        if (!h.has(Role.APP)) {
            throw new IllegalArgumentException("host " + server + " is not an app server (its roles: " + h.roles()
                    .stream().map(Role::id).sorted().toList() + "); drain and ready take an app server");
        }
    }

    private static boolean wouldSet(List<LoadBalancer> lbs, String server, String state, PrintWriter out) {
        for (LoadBalancer lb : lbs) {
            for (ServerStatus s : lb.servers()) {
                if (s.server().equals(server) && LbServerStates.BACKENDS.contains(s.backend())) {
                    out.println(lb.name() + ": " + s.backend() + "/" + server + " is " + s.state() + " with "
                            + s.currentSessions() + " session(s); would set " + state);
                }
            }
        }
        out.println("(dry run: nothing is changed)");
        out.flush();
        return true;
    }

    private static String names(List<LoadBalancer> lbs) {
        return String.join(", ", lbs.stream().map(LoadBalancer::name).toList());
    }

    private static RuntimeApi overSsh(RemoteHost host) {
        return RuntimeApi.overSsh(host, HaproxyConfig.Placement.DEBIAN.adminSocket());
    }
}
