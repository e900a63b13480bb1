package dev.vigil.watchdog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileMeansNothingWasRemoved() {
        assertThat(new StateFile(dir.resolve("state.json")).removed()).isEmpty();
    }

    @Test
    void keepsTheRemovedTargetsAcrossInstances() throws Exception {
        Path file = dir.resolve("sub/state.json");
        Set<Target> removed = new LinkedHashSet<>(List.of(new Target("lb1", InetAddress.getByName("203.0.113.10")),
                new Target("lb1", InetAddress.getByName("2001:db8::10"))));
        new StateFile(file).write(removed);
        assertThat(new StateFile(file).removed()).containsExactlyElementsOf(removed);
        assertThat(Files.readString(file)).contains("\"address\" : \"2001:db8::10\"");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file); // no temporary file left behind
        }
        new StateFile(file).write(Set.of());
        assertThat(new StateFile(file).removed()).isEmpty();
    }

    @Test
    void aDamagedFileIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"removed\": [{\"loadBalancer\": \"lb1\"}]}");
        assertThatThrownBy(() -> new StateFile(file).removed())
                .hasMessageContaining(file.toString()).hasMessageContaining("needs loadBalancer and address");
        Files.writeString(file, "{\"removed\": [");
        assertThatThrownBy(() -> new StateFile(file).removed()).hasMessageContaining("is not valid JSON");
        Files.writeString(file, "{\"removed\": [{\"loadBalancer\": \"lb1\", \"address\": \"example.com\"}]}");
        assertThatThrownBy(() -> new StateFile(file).removed()).hasMessageEndingWith("not an IP address: example.com");
    }
}
