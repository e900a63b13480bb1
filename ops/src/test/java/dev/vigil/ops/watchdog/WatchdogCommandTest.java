package dev.vigil.ops.watchdog;

import dev.vigil.ops.OpsInProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Help and settings errors of {@code ops watchdog}: one line naming the problem, status 2, nothing probed. */
class WatchdogCommandTest {

    private final OpsInProcess ops = new OpsInProcess();

    @TempDir
    Path dir;

    private Path inventory(String text) throws Exception {
        return Files.writeString(dir.resolve("ops.yaml"), text);
    }

    private static final String LBS = """
            hosts:
              - {name: lb1, ipv4: 127.0.0.2, roles: [lb]}
              - {name: lb2, ipv4: 127.0.0.3, ipv6: "::1", roles: [lb]}
            """;

    @Test
    void helpTeachesTheCommandsAndTheEnvironment() {
        assertThat(ops.run("watchdog", "--help")).isZero();
        assertThat(ops.out()).contains("run", "once", "status", "VIGIL_WATCHDOG_TSIG_SECRET",
                "VIGIL_WATCHDOG_CLOUDFLARE_TOKEN", "Zone / DNS / Edit", "docs/watchdog.md");
        assertThat(ops.run("watchdog", "run", "--help")).isZero();
        assertThat(ops.out()).contains("--inventory", "--state", "/var/lib/vigil-watchdog/state.json", "SIGTERM",
                "java -jar /opt/vigil/ops.jar watchdog run --inventory /etc/vigil/ops.yaml");
        assertThat(ops.run("--help")).isZero();
        assertThat(ops.out()).contains("watchdog");
    }

    @Test
    void anInventoryWithoutBalancersIsAUsageError() throws Exception {
        Path inv = inventory("domains: {app: vigil.example.test}\nhosts:\n  - {name: app1, ipv4: 127.0.0.9, "
                + "roles: [app]}\n");
        assertThat(ops.run("watchdog", "once", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).isEqualTo("error: no host in " + inv + " has role lb: nothing to watch (see 'ops "
                + "watchdog once --help')\n");
    }

    @Test
    void anInventoryWithoutDomainsIsAUsageError() throws Exception {
        Path inv = inventory(LBS);
        assertThat(ops.run("watchdog", "once", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: " + inv + " names no domains (domains.app, domains.ping)");
    }

    @Test
    void runWithoutDnsSettingsOrSecretSaysWhatIsMissing() throws Exception {
        Path inv = inventory("domains: {app: vigil.example.test}\n" + LBS);
        assertThat(ops.run("watchdog", "run", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: " + inv + " has no roles.watchdog.dns: say where the records live");

        Path withDns = inventory("domains: {app: vigil.example.test}\nroles:\n  watchdog:\n    dns: {kind: rfc2136, "
                + "server: 127.0.0.1, zone: example.test, tsig_key_name: vigil-watchdog}\n" + LBS);
        assertThat(ops.run("watchdog", "status", "--inventory", withDns.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: VIGIL_WATCHDOG_TSIG_SECRET is not set: it must hold the base64 "
                + "secret of TSIG key vigil-watchdog");
    }

    @Test
    void aMissingInventoryOrCaFileIsAUsageError() throws Exception {
        assertThat(ops.run("watchdog", "once", "--inventory", dir.resolve("nope.yaml").toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: cannot read inventory " + dir.resolve("nope.yaml"));

        Path inv = inventory("domains: {app: vigil.example.test}\nroles:\n  watchdog: {probe_ca_file: ca.pem}\n"
                + LBS);
        assertThat(ops.run("watchdog", "once", "--inventory", inv.toString())).isEqualTo(2);
        assertThat(ops.err()).startsWith("error: cannot read CA file " + dir.resolve("ca.pem"));
    }

    @Test
    void aDamagedStateFileIsAnErrorNotAFreshStart() throws Exception {
        Path inv = inventory("domains: {app: vigil.example.test}\nroles:\n  watchdog: {probe_port: 1, "
                + "probe_timeout_seconds: 1}\n" + LBS);
        Path state = Files.writeString(dir.resolve("state.json"), "{\"removed\": 3}");
        assertThat(ops.run("watchdog", "once", "--inventory", inv.toString(), "--state", state.toString()))
                .isEqualTo(1);
        assertThat(ops.err()).isEqualTo("error: state file " + state + " has no \"removed\" list\n");
    }
}
