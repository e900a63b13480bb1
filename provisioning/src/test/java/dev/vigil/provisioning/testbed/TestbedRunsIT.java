package dev.vigil.provisioning.testbed;

import dev.vigil.testsupport.Await;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two runs on one machine, as two {@code bin/test} side by side: each has its own hosts, and neither the end of
 * one nor the reaping of a killed one touches the other's.
 */
@TestHosts(1)
class TestbedRunsIT {

    @Test
    void aSecondRunBootsBesideTheFirstAndItsEndLeavesTheFirstAlone(Testbed testbed, List<TestHost> hosts) {
        TestHost mine = hosts.get(0);
        List<ProcessHandle> mineNspawns = nspawnsOf(testbed);
        assertThat(mineNspawns).isNotEmpty();
        List<ProcessHandle> theirProcesses;
        String theirBridge;
        String theirBridgeIndex;
        try (Testbed other = Testbed.open()) {
            TestHost theirs = other.hosts(1).get(0);
            assertThat(other.run()).isNotEqualTo(testbed.run());
            assertThat(other.bridge()).isNotEqualTo(testbed.bridge());
            assertThat(theirs.name()).isEqualTo(mine.name());
            assertThat(subnet(theirs)).isNotEqualTo(subnet(mine));

            assertThat(testbed.ssh(mine, "hostname")).isEqualTo(mine.name() + "\n");
            assertThat(other.ssh(theirs, "hostname")).isEqualTo(theirs.name() + "\n");
            assertThat(other.ssh(theirs, "timeout 3 bash -c '</dev/tcp/" + mine.ip() + "/22' 2>/dev/null"
                    + " && echo reached || echo unreachable")).as("a run's hosts cannot reach another run's")
                    .isEqualTo("unreachable\n");
            assertThat(other.ssh(theirs, "apt-get -qq update && echo updated")).as("the shared apt proxy")
                    .isEqualTo("updated\n");

            theirProcesses = processesOf(other);
            assertThat(theirProcesses).as("the second run's host processes").isNotEmpty();
            theirBridge = other.bridge();
            theirBridgeIndex = interfaceIndex(theirBridge).orElseThrow();
        }

        awaitGone(theirProcesses);
        assertThat(interfaceIndex(theirBridge)).as("the second run's bridge is gone")
                .isNotEqualTo(Optional.of(theirBridgeIndex));
        assertThat(testbed.ssh(mine, "hostname")).isEqualTo(mine.name() + "\n");
        assertThat(testbed.ssh(mine, "apt-get -qq update && echo updated")).as("the proxy outlives the other run")
                .isEqualTo("updated\n");
        assertThat(mineNspawns).allMatch(ProcessHandle::isAlive);
        assertThat(interfaceIndex(testbed.bridge())).isPresent();
    }

    @Test
    void theNextRunReapsAKilledRunAndOnlyIt(Testbed testbed, List<TestHost> hosts) throws Exception {
        TestHost mine = hosts.get(0);
        Process owner = new ProcessBuilder("sleep", "600").start(); // stands in for a test JVM about to be killed
        try {
            Testbed killed = Testbed.open(owner.pid());
            killed.hosts(1);
            List<ProcessHandle> goneProcesses = processesOf(killed);
            assertThat(goneProcesses).as("the killed run's host processes").isNotEmpty();
            String goneBridgeIndex = interfaceIndex(killed.bridge()).orElseThrow();
            List<ProcessHandle> mineNspawns = nspawnsOf(testbed);
            assertThat(mineNspawns).isNotEmpty();
            owner.destroyForcibly().waitFor(); // no run-end, as after kill -9 of its JVM

            try (Testbed next = Testbed.open()) {
                awaitGone(goneProcesses);
                assertThat(interfaceIndex(killed.bridge())).isNotEqualTo(Optional.of(goneBridgeIndex));
                assertThat(testbed.ssh(mine, "hostname")).as("the live run keeps its host")
                        .isEqualTo(mine.name() + "\n");
                assertThat(mineNspawns).allMatch(ProcessHandle::isAlive);
            }
        } finally {
            owner.destroyForcibly().waitFor();
        }
    }

    /** Killed processes stay zombies until the machine's init has waited for them. */
    private static void awaitGone(List<ProcessHandle> processes) {
        Await.until(Duration.ofSeconds(10), () -> processes.stream().noneMatch(ProcessHandle::isAlive),
                () -> "still running: " + processes.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
    }

    private static String subnet(TestHost h) {
        return h.ip().substring(0, h.ip().lastIndexOf('.'));
    }

    /** The processes of a run's hosts, from its cgroups (handles stay tied to those processes, not their pids). */
    private static List<ProcessHandle> processesOf(Testbed tb) {
        List<ProcessHandle> found = new ArrayList<>();
        try {
            Files.walkFileTree(Path.of("/sys/fs/cgroup/unified/vigil-testbed", tb.run()), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (file.getFileName().toString().equals("cgroup.procs")) {
                        readPids(file).forEach(pid -> ProcessHandle.of(pid).ifPresent(found::add));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a session's cgroup that ended while we walked
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<ProcessHandle> nspawnsOf(Testbed tb) {
        return processesOf(tb).stream()
                .filter(p -> p.info().command().filter(c -> c.endsWith("/systemd-nspawn")).isPresent()).toList();
    }

    private static List<Long> readPids(Path procs) {
        try {
            return Files.readAllLines(procs).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of(); // gone meanwhile
        }
    }

    /** The interface's index, which a later interface of the same name does not share. */
    private static Optional<String> interfaceIndex(String name) {
        Path index = Path.of("/sys/class/net", name, "ifindex");
        try {
            return Files.exists(index) ? Optional.of(Files.readString(index).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the interface went away between the two calls
        }
    }
}
