package dev.vigil.provisioning.ssh;

import dev.vigil.provisioning.remote.CommandResult;
import dev.vigil.provisioning.remote.FileMeta;
import dev.vigil.provisioning.remote.RemoteCommandException;
import dev.vigil.provisioning.testbed.TestHost;
import dev.vigil.provisioning.testbed.TestHosts;
import dev.vigil.provisioning.testbed.TestTargets;
import dev.vigil.provisioning.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSH adapter against real sshd: commands, files, sudo, timeouts and strict host keys. */
@TestHosts(2)
class SshIT {

    private final Testbed testbed;
    private final List<TestHost> hosts;

    SshIT(Testbed testbed, List<TestHost> hosts) {
        this.testbed = testbed;
        this.hosts = hosts;
    }

    @Test
    void runsCommandsOnOneReusedConnectionAndCapturesEverything() {
        try (SshRemoteHost h = new SshRemoteHost(TestTargets.root(hosts.get(0)))) {
            CommandResult r = h.run("echo out; echo err >&2; exit 7");
            assertThat(r.exitStatus()).isEqualTo(7);
            assertThat(r.out()).isEqualTo("out\n");
            assertThat(r.err()).isEqualTo("err\n");
            var session = h.session();
            assertThat(h.run("cat", "from stdin".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).out())
                    .isEqualTo("from stdin");
            assertThat(h.session()).isSameAs(session);
            assertThat(h.check("hostname").strip()).isEqualTo(hosts.get(0).name());
        }
    }

    @Test
    void uploadsAtomicallyWithOwnerAndModeAndReadsBack() {
        try (SshRemoteHost h = new SshRemoteHost(TestTargets.root(hosts.get(0)))) {
            byte[] content = "a = 1\nweird 'quote' $HOME\n".getBytes(StandardCharsets.UTF_8);
            h.upload("/etc/vigil-upload test.conf", content, new FileMeta("root", "adm", 0640));
            assertThat(h.read("/etc/vigil-upload test.conf")).hasValue(content);
            assertThat(testbed.ssh(hosts.get(0), "stat -c '%U %G %a' '/etc/vigil-upload test.conf'"))
                    .isEqualTo("root adm 640\n");
            assertThat(testbed.ssh(hosts.get(0), "ls -a /etc | grep -c vigil- || true").strip())
                    .as("no temporary files left").isEqualTo("1");
            assertThat(h.read("/etc/does-not-exist")).isEmpty();
        }
    }

    @Test
    void anRsaKeyLogsInWithSha2Signatures(@TempDir Path dir) throws Exception {
        // OpenSSH 9 refuses ssh-rsa (SHA-1) signatures, so a login proves rsa-sha2-256/512
        Path key = dir.resolve("id_rsa");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-N", "", "-f",
                key.toString()).redirectErrorStream(true).start();
        assertThat(keygen.waitFor()).isZero();
        TestHost host = hosts.get(1);
        String pub = Files.readString(dir.resolve("id_rsa.pub")).strip();
        testbed.ssh(host, "grep -qxF '" + pub + "' /root/.ssh/authorized_keys || echo '" + pub
                + "' >> /root/.ssh/authorized_keys");
        SshTarget root = TestTargets.root(host);
        SshTarget rsa = new SshTarget(root.name(), root.address(), root.port(), "root", List.of(key),
                root.knownHosts(), root.connectTimeout(), root.commandTimeout());
        try (SshRemoteHost h = new SshRemoteHost(rsa)) {
            assertThat(h.check("echo rsa")).isEqualTo("rsa\n");
        }
    }

    @Test
    void keysFromAnSshAgentWork(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            dev.vigil.testsupport.Await.until(Duration.ofSeconds(10), () -> Files.exists(socket),
                    () -> "ssh-agent socket " + socket);
            ProcessBuilder add = new ProcessBuilder("ssh-add", hosts.get(0).rootKey().toString())
                    .redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertThat(add.start().waitFor()).isZero();
            SshTarget root = TestTargets.root(hosts.get(0));
            SshTarget viaAgent = new SshTarget(root.name(), root.address(), root.port(), "root",
                    List.of(dir.resolve("no-such-key")), java.util.Optional.of(socket), root.knownHosts(),
                    root.connectTimeout(), root.commandTimeout());
            try (SshRemoteHost h = new SshRemoteHost(viaAgent)) {
                assertThat(h.check("echo agent")).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy(); // ours, by handle
            agent.waitFor();
        }
    }

    @Test
    void aWrongKeyIsAClearAuthenticationFailure(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("id_ed25519");
        assertThat(new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .start().waitFor()).isZero();
        SshTarget root = TestTargets.root(hosts.get(0));
        SshTarget stranger = new SshTarget(root.name(), root.address(), root.port(), "root", List.of(key),
                root.knownHosts(), root.connectTimeout(), root.commandTimeout());
        assertThatThrownBy(() -> new SshRemoteHost(stranger).session())
                .isInstanceOf(RemoteCommandException.class)
                .hasMessage("cannot connect to h1 (root@" + root.address() + ":22): authentication failed for user "
                        + "root with [" + key + "]");
        SshTarget admin = new SshTarget(root.name(), root.address(), root.port(), "nobody-yet", root.identities(),
                root.knownHosts(), root.connectTimeout(), root.commandTimeout());
        assertThatThrownBy(() -> new SshRemoteHost(admin).session())
                .isInstanceOf(RemoteCommandException.class)
                .hasMessage("cannot connect to h1 (nobody-yet@" + root.address() + ":22): authentication failed for"
                        + " user nobody-yet with [" + root.identities().get(0) + "]. On a new server nobody-yet does"
                        + " not exist until the first provisioning, which logs in as root: ops provision --ssh-user root");
    }

    @Test
    void commandsThatExitAtOnceNeverLoseARaceWithTheirOwnClose() {
        // JSch's stdin pump thread is the race (issue 17): a command that ends before ChannelExec.start() has
        // started that thread gets its field nulled by the channel's CLOSE, and start() throws. Show JSch is
        // never asked for such a thread, then run a burst of commands that exit at once, with and without stdin.
        try (SshRemoteHost h = new SshRemoteHost(TestTargets.root(hosts.get(0)))) {
            List<String> asked = new CopyOnWriteArrayList<>();
            h.session().setThreadFactory(r -> {
                Thread t = new Thread(r);
                asked.add(t.getName());
                return t;
            });
            byte[] unread = "not read by the command".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 300; i++) {
                assertThat(h.run("exit " + (i % 3), i % 2 == 0 ? unread : new byte[0], Duration.ofSeconds(10))
                        .exitStatus()).isEqualTo(i % 3);
            }
            byte[] big = new byte[3 << 20]; // larger than sshd's channel window: the write must wait for reads
            assertThat(h.run("wc -c", big, Duration.ofSeconds(30)).out().strip()).isEqualTo(String.valueOf(big.length));
            assertThat(h.run("exit 4", big, Duration.ofSeconds(30)).exitStatus()).isEqualTo(4);
            assertThat(asked).as("threads JSch created for channels").isEmpty();
        }
    }

    @Test
    void aCommandThatRunsTooLongTimesOut() {
        try (SshRemoteHost h = new SshRemoteHost(TestTargets.root(hosts.get(0)))) {
            assertThatThrownBy(() -> h.run("sleep 30", new byte[0], Duration.ofMillis(500)))
                    .isInstanceOf(RemoteCommandException.class).hasMessageContaining("timed out after 0.5 s: sleep 30");
            assertThat(h.check("echo still usable")).isEqualTo("still usable\n");
        }
    }

    @Test
    void aNonRootLoginRunsCommandsThroughSudo() {
        TestHost host = hosts.get(1);
        testbed.ssh(host, "id deploy >/dev/null 2>&1 || useradd -m -s /bin/bash deploy;"
                + " install -d -o deploy -m 700 /home/deploy/.ssh;"
                + " install -o deploy -m 600 /root/.ssh/authorized_keys /home/deploy/.ssh/authorized_keys;"
                + " echo 'deploy ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/deploy; chmod 440 /etc/sudoers.d/deploy");
        SshTarget root = TestTargets.root(host);
        SshTarget deploy = new SshTarget(root.name(), root.address(), root.port(), "deploy", root.identities(),
                root.knownHosts(), root.connectTimeout(), root.commandTimeout());
        try (SshRemoteHost h = new SshRemoteHost(deploy)) {
            assertThat(h.check("id -un").strip()).isEqualTo("root");
            assertThat(h.run("cat", "piped".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).out())
                    .isEqualTo("piped");
        }
    }

    @Test
    void anUnknownHostIsRefusedUntilTrustedWithItsSha256Fingerprint(@TempDir Path dir) {
        TestHost host = hosts.get(0);
        SshTarget target = TestTargets.root(host, dir.resolve("known_hosts"));
        String expected = testbed.ssh(host, "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub").split(" ")[1];

        assertThatThrownBy(() -> new SshRemoteHost(target).session())
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("not in " + dir.resolve("known_hosts"))
                .hasMessageContaining(expected)
                .hasMessageContaining("ops hosts trust h1");

        HostKeyTrust.PresentedKey key = HostKeyTrust.fetch(target);
        assertThat(key.fingerprint()).isEqualTo(expected);
        assertThat(key.status()).isEqualTo(HostKeyTrust.Status.NEW);
        HostKeyTrust.record(target, key);
        assertThat(HostKeyTrust.fetch(target).status()).isEqualTo(HostKeyTrust.Status.ALREADY_TRUSTED);
        try (SshRemoteHost h = new SshRemoteHost(target)) {
            assertThat(h.check("echo trusted")).isEqualTo("trusted\n");
        }
    }

    @Test
    void aChangedHostKeyIsAHardErrorNamingBothFingerprints(@TempDir Path dir) throws Exception {
        TestHost host = testbed.dedicated();
        try {
            Path known = dir.resolve("known_hosts");
            Files.copy(host.knownHosts(), known);
            String before = testbed.ssh(host, "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub").split(" ")[1];
            try (SshRemoteHost h = new SshRemoteHost(TestTargets.root(host, known))) {
                assertThat(h.check("true")).isEmpty();
            }
            testbed.rekey(host);
            String after = testbed.ssh(host, "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub").split(" ")[1];
            assertThat(after).isNotEqualTo(before);

            assertThatThrownBy(() -> new SshRemoteHost(TestTargets.root(host, known)).session())
                    .isInstanceOfSatisfying(HostKeyException.class, e -> {
                        assertThat(e.reason()).isEqualTo(HostKeyException.Reason.CHANGED);
                        assertThat(e.presentedFingerprint()).isEqualTo(after);
                    })
                    .hasMessageContaining("HOST KEY CHANGED for " + host.name())
                    .hasMessageContaining(before)
                    .hasMessageContaining(after);
            HostKeyTrust.PresentedKey key = HostKeyTrust.fetch(TestTargets.root(host, known));
            assertThatThrownBy(() -> HostKeyTrust.record(TestTargets.root(host, known), key))
                    .isInstanceOf(HostKeyException.class);
        } finally {
            testbed.destroy(host);
        }
    }
}
