package dev.vigil.app.it;

import dev.vigil.app.bodies.ObjectKeys;
import dev.vigil.app.bodies.S3BodyObjects;
import dev.vigil.testsupport.S3ProxyProcess;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The object-storage adapter on its own against the real S3-compatible server: key order, paging, deletion. */
class S3BodyObjectsIT {

    @Test
    void deletesExactlyTheOlderBodiesAcrossListingPagesAndDigitCounts() {
        ObjectStorage storage = SharedVigil.get().objects;
        try (S3BodyObjects objects = new S3BodyObjects(storage.endpoint(), S3ProxyProcess.REGION, storage.bucket,
                S3ProxyProcess.IDENTITY, S3ProxyProcess.CREDENTIAL, 7)) {
            UUID check = UUID.randomUUID();
            UUID neighbour = UUID.randomUUID();
            List<Long> serials = new ArrayList<>(LongStream.rangeClosed(1, 40).boxed().toList());
            serials.addAll(List.of(9_999L, 10_000L, 10_001L, 123_456_789_012L));
            serials.forEach(n -> objects.put(ObjectKeys.key(check, n), ("body " + n).getBytes(StandardCharsets.UTF_8)));
            objects.put(ObjectKeys.key(neighbour, 5), new byte[] {1});

            assertThat(objects.get(ObjectKeys.key(check, 10_000))).hasValueSatisfying(
                    b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("body 10000"));
            assertThat(objects.get(ObjectKeys.key(check, 2_000))).isEmpty();

            // several listing pages (7 keys each here) are older than 20
            assertThat(objects.deleteOlderThan(check, 20)).isEqualTo(19);
            List<Long> expected = new ArrayList<>(List.of(123_456_789_012L, 10_001L, 10_000L, 9_999L));
            expected.addAll(LongStream.iterate(40, n -> n >= 20, n -> n - 1).boxed().toList());
            List<Long> left = storage.keys(ObjectKeys.prefix(check)).stream().map(ObjectKeys::serialOf).toList();
            assertThat(left).containsExactlyElementsOf(expected); // newest first, in the bucket's own order

            assertThat(objects.deleteCheck(check)).isEqualTo(expected.size());
            assertThat(storage.keys(ObjectKeys.prefix(check))).isEmpty();
            assertThat(storage.keys(ObjectKeys.prefix(neighbour))).containsExactly(ObjectKeys.key(neighbour, 5));
        }
    }
}
