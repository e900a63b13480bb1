package dev.vigil.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpsTest {

    private final OpsInProcess cli = new OpsInProcess();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: ops", "COMMAND", "--version", "--verbose", "help");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).containsPattern("ops \\(Vigil\\) \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unmatched argument at index 0: 'frobnicate' (see 'ops --help')\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        assertThat(run("provison")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unmatched argument at index 0: 'provison'. "
                + "Did you mean: ops provision? (see 'ops --help')\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aMisspeltSubcommandGetsASuggestionToo() {
        assertThat(run("backup", "lst")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unmatched argument at index 1: 'lst'. "
                + "Did you mean: ops backup list? (see 'ops backup --help')\n");
    }

    @Test
    void helpAfterAnUnknownCommandIsStillAUsageError() {
        // picocli alone prints the root's help and exits 0 here
        assertThat(run("deploy", "--help")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unmatched argument at index 0: 'deploy' (see 'ops --help')\n");
        assertThat(cli.out()).isEmpty();
        assertThat(run("provison", "--help")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unmatched argument at index 0: 'provison'. "
                + "Did you mean: ops provision? (see 'ops --help')\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        assertThat(run("backup", "list", "--bukcet", "b")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unknown options: '--bukcet', 'b'. Possible solutions: --bucket "
                + "(see 'ops backup list --help')\n");
    }

    @Test
    void onlyNamesWithinAFewEditsAreSuggested() {
        assertThat(Typo.near("provison", "provision")).isTrue();
        assertThat(Typo.near("lst", "list")).isTrue();
        assertThat(Typo.near("provison", "cron")).isFalse();
        assertThat(Typo.near("lst", "restore")).isFalse();
        assertThat(Typo.near("frobnicate", "provision")).isFalse();
        assertThat(Typo.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void aFailureOfTheWorkIsOneLineWithStatus1(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("ops.yaml"), "hosts: []\n");
        assertThat(run("secrets", "init", "--inventory", inventory.toString())).isEqualTo(1);
        assertThat(cli.err()).isEqualTo("error: the inventory lists no secrets.recipients (public key files): "
                + "there is nobody to encrypt the secrets to\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void verboseAddsTheStackTraceOfAFailure(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("ops.yaml"), "hosts: []\n");
        for (String[] args : new String[][] {{"secrets", "init", "--inventory", inventory.toString(), "--verbose"},
                {"--verbose", "secrets", "init", "--inventory", inventory.toString()}}) {
            assertThat(run(args)).isEqualTo(1);
            assertThat(cli.err().lines().findFirst()).hasValue("error: the inventory lists no secrets.recipients "
                    + "(public key files): there is nobody to encrypt the secrets to");
            assertThat(cli.err()).contains("dev.vigil.ops.secrets.SecretsException: the inventory lists no",
                    "\tat dev.vigil.ops.secrets.SecretsFile.");
        }
    }

    @Test
    void verboseIsOneOptionWhereverItStands() {
        for (String[] args : new String[][] {{"provision", "-v"}, {"--verbose", "provision"},
                {"provision", "--verbose"}, {"hosts", "trust", "app1", "-v"}}) {
            picocli.CommandLine cl = Ops.commandLine();
            cl.parseArgs(args);
            assertThat(((Ops) cl.getCommand()).verbose()).as(String.join(" ", args)).isTrue();
        }
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertThat(run("help", "provison")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unknown subcommand 'provison'. Did you mean: ops provision? "
                + "(see 'ops --help')\n");
        assertThat(run("help", "frobnicate")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Unknown subcommand 'frobnicate' (see 'ops --help')\n");
    }

    @Test
    void durationsTakeSecondsOrAUnit(@TempDir Path dir) throws Exception {
        Path inventory = Files.writeString(dir.resolve("ops.yaml"), "hosts:\n  - {name: a1, ipv4: 10.0.0.1}\n");
        assertThat(run("exec", "--inventory", inventory.toString(), "--timeout", "ten", "a1", "--", "true"))
                .isEqualTo(2);
        assertThat(cli.err()).isEqualTo("error: Invalid value for option '--timeout': \"ten\" is not a duration: "
                + "give seconds (600) or a number with a unit (90s, 10m, 2h, 1d) (see 'ops exec --help')\n");
    }

    @Test
    void noCommandSpellsADryRunAnyOtherWay() {
        // holds for the commands still to come too (ops lb, ops wg, deploy, failover): docs/ops.md#conventions
        java.util.Set<String> otherSpellings = java.util.Set.of("--check", "--plan", "--noop", "--no-op",
                "--what-if", "--whatif", "--simulate", "--pretend", "-n");
        java.util.Deque<picocli.CommandLine> commands = new java.util.ArrayDeque<>(List.of(Ops.commandLine()));
        int seen = 0;
        while (!commands.isEmpty()) {
            picocli.CommandLine c = commands.pop();
            commands.addAll(c.getSubcommands().values());
            seen++;
            for (picocli.CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                assertThat(o.names()).as(c.getCommandSpec().qualifiedName() + " " + o.longestName())
                        .doesNotContainAnyElementsOf(otherSpellings);
                if (java.util.Arrays.asList(o.names()).contains("--dry-run")) {
                    assertThat(o.description()).as(c.getCommandSpec().qualifiedName() + " --dry-run").isNotEmpty();
                }
            }
        }
        assertThat(seen).isGreaterThan(20);
    }

    @Test
    void everyMutatingCommandSpellsItsDryRunTheSameWay() {
        assertThat(run("provision", "--help")).isZero();
        assertThat(cli.out()).contains("--dry-run").doesNotContain("--check");
        assertThat(run("backup", "prune", "--help")).isZero();
        assertThat(cli.out()).contains("--dry-run");
        assertThat(run("provision", "--check")).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: Unknown option: '--check'");
    }
}
