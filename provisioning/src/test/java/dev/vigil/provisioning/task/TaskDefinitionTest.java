package dev.vigil.provisioning.task;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mistakes in a recipe are caught when it is built, before any server is touched. */
class TaskDefinitionTest {

    @Test
    void crontabLinesAreValidatedWithVigilsCronParser() {
        assertThatThrownBy(() -> new UserCrontab("root", List.of("MAILTO=ops@example.com", "*/0 * * * * /bin/true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("crontab of root, line 2 (\"*/0 * * * * /bin/true\"): ");
        assertThatThrownBy(() -> new UserCrontab("app", List.of("@every 5m /bin/true")))
                .hasMessageContaining("line 1");
    }

    @Test
    void crontabRendersAHeaderAndTheLines() {
        assertThat(new UserCrontab("root", List.of("# nightly", "5 4 * * * /usr/bin/backup")).rendered())
                .isEqualTo("# Managed by 'ops provision': changes made here are overwritten.\n# nightly\n5 4 * * * /usr/bin/backup\n");
    }

    @Test
    void namesAreChecked() {
        assertThatThrownBy(() -> PackagesInstalled.of("nginx; rm -rf /")).hasMessageContaining("not a Debian package");
        assertThatThrownBy(() -> SystemdService.existing("foo bar.service")).hasMessageContaining("not a systemd unit");
        assertThatThrownBy(() -> new Sysctl("vm.swappiness;x", "1")).hasMessageContaining("not a sysctl key");
        assertThatThrownBy(() -> new Timezone("../../etc/passwd")).hasMessageContaining("not a time zone");
        assertThatThrownBy(() -> ManagedFile.text("etc/x", "", null)).hasMessageContaining("absolute");
        assertThatThrownBy(() -> LineInFile.of("/etc/x", "a\nb")).hasMessageContaining("one line");
    }
}
