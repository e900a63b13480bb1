package dev.vigil.provisioning.role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rulesets and units every recipe renders pass the real tools on this machine ({@code nft -c}, in a user and
 * network namespace of its own when not root, and {@code systemd-analyze verify}), as they must on the host
 * before they are written. sshd and sudoers files are checked on the test hosts ({@code ProvisionIT}).
 */
class RealToolsTest {

    @TempDir
    Path dir;

    private record Run(int status, String output) {
    }

    private static Run run(Path cwd, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Run nftCheck(String ruleset) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("ruleset.nft"), ruleset);
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "--user", "--map-root-user", "--net"));
        }
        command.addAll(List.of("/usr/sbin/nft", "-c", "-f", file.toString()));
        return run(dir, command);
    }

    private List<Map<String, String>> everyRecipe() throws IOException {
        List<Map<String, String>> all = new ArrayList<>();
        Path full = Files.createDirectories(dir.resolve("full"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        for (TestFleet fleet : List.of(TestFleet.full(full), TestFleet.plain(plain))) {
            fleet.inventory().hosts().forEach(h -> all.add(RecipeFiles.of(fleet.recipe(h.name()))));
        }
        return all;
    }

    @Test
    void everyRulesetPassesNftCheck() throws Exception {
        int checked = 0;
        for (Map<String, String> files : everyRecipe()) {
            Run r = nftCheck(files.get("etc/nftables.conf"));
            assertThat(r.status()).as(r.output()).isZero();
            checked++;
        }
        assertThat(checked).isEqualTo(8);
        Run broken = nftCheck("table inet t {\n  chain c {\n    tcp dport 22 acept\n  }\n}\n");
        assertThat(broken.status()).as("nft -c rejects a typo").isNotZero();
        assertThat(broken.output()).contains("acept");
    }

    @Test
    void everyUnitPassesSystemdAnalyzeVerify() throws Exception {
        int checked = 0;
        int dropIns = 0;
        for (Map<String, String> files : everyRecipe()) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (f.getKey().startsWith("etc/systemd/system/") && f.getKey().contains(".d/")) {
                    // a drop-in is checked as part of a unit: its sections merge into the unit's
                    Path unit = Files.writeString(dir.resolve("dropin" + dropIns++ + ".service"),
                            "[Service]\nExecStart=/bin/true\n" + f.getValue());
                    Run r = run(dir, List.of("systemd-analyze", "verify", unit.toString()));
                    assertThat(r.status()).as(f.getKey() + ": " + r.output()).isZero();
                    assertThat(r.output()).as(f.getKey()).doesNotContain("Unknown");
                } else if (f.getKey().startsWith("etc/systemd/system/")) {
                    Path unit = Files.writeString(dir.resolve(Path.of(f.getKey()).getFileName()), f.getValue());
                    Run r = run(dir, List.of("systemd-analyze", "verify", unit.toString()));
                    assertThat(r.status()).as(f.getKey() + ": " + r.output()).isZero();
                    checked++;
                }
            }
        }
        assertThat(checked).as("vigil.service on 3 app hosts, vigil-watchdog.service on one").isEqualTo(4);
        assertThat(dropIns).as("after wg-quick@wg0: the services of the full fleet's WireGuard hosts").isEqualTo(4);
        Path broken = Files.writeString(dir.resolve("broken.service"), "[Service]\nExecStart=relative/path\n");
        assertThat(run(dir, List.of("systemd-analyze", "verify", broken.toString())).status()).isNotZero();
    }
}
