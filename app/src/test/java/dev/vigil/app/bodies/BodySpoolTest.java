package dev.vigil.app.bodies;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BodySpoolTest {

    @TempDir
    Path dir;

    @Test
    void aBodyIsStagedThenWaitsUnderItsKeyUntilRemoved() throws Exception {
        BodySpool spool = new BodySpool(dir);
        String key = ObjectKeys.key(UUID.randomUUID(), 42);
        SpooledBody body = spool.stage(new byte[] {1, 2, 3});
        assertThat(spool.waiting(10)).isEmpty(); // not committed yet: not for upload

        spool.promote(body, key);
        spool.promote(body, key); // a retried transaction promotes again
        spool.syncReady();
        assertThat(spool.waiting(10)).singleElement().satisfies(w -> assertThat(w.key()).isEqualTo(key));
        assertThat(spool.read(key)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));

        spool.remove(spool.waiting(10).get(0));
        assertThat(spool.waiting(10)).isEmpty();
        assertThat(spool.read(key)).isEmpty();
    }

    @Test
    void discardedAndOrphanedBodiesAreRemoved() throws Exception {
        BodySpool spool = new BodySpool(dir);
        SpooledBody discarded = spool.stage(new byte[] {1});
        spool.discard(discarded);
        SpooledBody fresh = spool.stage(new byte[] {2});
        SpooledBody orphan = spool.stage(new byte[] {3});
        Files.setLastModifiedTime(orphan.file(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        assertThat(spool.cleanOrphans(Duration.ofHours(1))).isEqualTo(1);
        assertThat(Files.exists(orphan.file())).isFalse();
        assertThat(Files.exists(fresh.file())).isTrue();
        assertThat(Files.exists(discarded.file())).isFalse();
    }

    @Test
    void fileNamesMapBackToKeys() {
        String key = ObjectKeys.key(UUID.randomUUID(), 9);
        assertThat(BodySpool.keyOf(BodySpool.fileName(key))).isEqualTo(key);
        assertThat(BodySpool.fileName(key)).doesNotContain("/");
    }
}
