package dev.vigil.provisioning.config;

import dev.vigil.provisioning.config.EnvironmentFile.Variable;
import dev.vigil.provisioning.config.NftRuleset.Rule;
import dev.vigil.provisioning.config.SystemdUnit.Section;
import dev.vigil.provisioning.config.SystemdUnit.Setting;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the models refuse, and the renderings the recipes' golden files do not show. A value that would break out
 * of its line or quotes is an error when the model is made, before any server is touched.
 */
class ConfigModelsTest {

    @Test
    void environmentFilesQuoteArbitraryValuesForTheirSyntax() {
        EnvironmentFile env = EnvironmentFile.of("header", List.of(Variable.plain("PORT", 8080),
                Variable.quoted("SECRET", "it's a \"quote\" \\ $HOME")));
        assertThat(env.systemd()).isEqualTo("# header\nPORT=8080\nSECRET=\"it's a \\\"quote\\\" \\\\ $HOME\"\n");
        assertThat(env.shell()).isEqualTo("# header\nexport PORT=8080\nexport SECRET='it'\\''s a \"quote\" \\ $HOME'\n");
        assertThatThrownBy(() -> Variable.plain("X", "a\"b")).hasMessage("X needs quoting: use a quoted variable");
        assertThatThrownBy(() -> Variable.quoted("X", "a\nb")).hasMessageContaining("X must be one line");
        assertThatThrownBy(() -> Variable.plain("1X", "a")).hasMessageContaining("not an environment variable");
        assertThatThrownBy(() -> EnvironmentFile.of(List.of(Variable.plain("OPTS", "-a -b"))).shell())
                .hasMessageContaining("OPTS holds spaces");
    }

    @Test
    void firewallRulesKeepToOneFamilyAndRealPorts() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.1");
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        assertThat(Rule.tcpFrom(List.of(v4, v6, v4), 8080, "app")).extracting(Rule::render).containsExactly(
                "ip saddr { 192.0.2.1 } tcp dport 8080 accept comment \"app\"",
                "ip6 saddr { 2001:db8:0:0:0:0:0:1 } tcp dport 8080 accept comment \"app\"");
        assertThat(Rule.tcpFrom(List.of(), 8080, "app")).isEmpty();
        assertThat(Rule.udp("wireguard", 51820).render()).isEqualTo("udp dport 51820 accept comment \"wireguard\"");
        assertThatThrownBy(() -> new Rule(List.of(v4, v6), List.of(1), "x")).hasMessageContaining("one address family");
        assertThatThrownBy(() -> Rule.tcp("x", 0)).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> Rule.tcp("say \"hi\"", 22)).hasMessageContaining("no quotes");
    }

    @Test
    void unitSettingsAreOneLineEach() {
        assertThat(SystemdUnit.of(Section.of("Service", Setting.of("Restart", "always").because("why")),
                Section.of("Install", Setting.of("WantedBy", "multi-user.target"))).withHeader("top").render())
                .isEqualTo("# top\n[Service]\n# why\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n");
        assertThatThrownBy(() -> Setting.of("ExecStart", "/bin/true\nExecStart=/bin/evil"))
                .hasMessageContaining("ExecStart must be one line");
        assertThatThrownBy(() -> Setting.of("Exec Start", "x")).hasMessageContaining("not a unit setting");
    }

    @Test
    void crontabJobsAreCheckedByVigilsCronParserWithTheirLineNumber() {
        assertThatThrownBy(() -> Crontab.ofUserLines(List.of("# fine", "61 * * * * /bin/true")))
                .hasMessageStartingWith("line 2 (\"61 * * * * /bin/true\"): ");
        assertThatThrownBy(() -> new Crontab(Crontab.Kind.SYSTEM, List.of(Crontab.Job.of("@daily", "/bin/true"))))
                .hasMessageStartingWith("line 1 ");
        Crontab table = Crontab.ofUserLines(List.of("MAILTO = ops@example.com", "", "@hourly /bin/true"));
        assertThat(table.render()).isEqualTo("MAILTO=ops@example.com\n\n@hourly /bin/true\n");
        assertThat(table.jobs()).isEqualTo(1);
        assertThat(new Crontab(Crontab.Kind.SYSTEM, List.of(Crontab.Job.as("postgres", "5 4 * * *", "vacuumdb -a")))
                .render()).isEqualTo("5 4 * * * postgres vacuumdb -a\n");
    }

    @Test
    void theMailRelaysPasswordGoesOnlyIntoItsOwnFile() {
        PostfixNullClient relay = new PostfixNullClient("app1.example.com", "smtp.example.com", 587,
                Optional.of(new PostfixNullClient.Login("me@example.com", "pw secret")));
        assertThat(relay.saslPasswords()).contains("[smtp.example.com]:587 me@example.com:pw secret\n");
        assertThat(relay.mainCf()).doesNotContain("pw secret").contains("texthash:/etc/postfix/sasl_passwd");
        assertThat(relay.toString()).doesNotContain("pw secret");
        assertThat(new PostfixNullClient("a", "b", 25, Optional.empty()).saslPasswords()).isEmpty();
        assertThatThrownBy(() -> new PostfixNullClient("a b", "b", 25, Optional.empty()))
                .hasMessageContaining("not a host name");
    }

    @Test
    void sshdAndSudoers() {
        assertThat(new SshdConfig(true).render()).contains("PermitRootLogin prohibit-password\n");
        assertThat(new SshdConfig(false).render()).contains("PermitRootLogin no\n");
        assertThatThrownBy(() -> new SudoersRule("ops ALL=(ALL) ALL\nx")).hasMessageContaining("not a user name");
    }
}
