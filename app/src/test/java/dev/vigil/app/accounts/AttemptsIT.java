package dev.vigil.app.accounts;

import dev.vigil.app.db.SchemaMigrator;
import dev.vigil.app.db.Transactions;
import dev.vigil.testsupport.TestDatabase;
import dev.vigil.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The account side's rate limits, counted in a real PostgreSQL as every app server of a fleet counts them. */
class AttemptsIT {

    private static final Instant T = Instant.parse("2026-12-03T12:00:00Z");

    private static TestDatabase db;
    private static DataSource ds;

    @BeforeAll
    static void start() {
        db = TestPostgres.server().createDatabase("attempts");
        ds = db.dataSource();
        new SchemaMigrator(ds).migrate();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static Attempts server() {
        return new Attempts(new Transactions(ds));
    }

    private static AttemptLimit limit(int n, Duration window) {
        return new AttemptLimit("test-" + UUID.randomUUID(), n, window);
    }

    @Test
    void blocksAKeyAfterItsLimitUntilItsWindowEnds() {
        Attempts attempts = server();
        AttemptLimit limit = limit(3, Duration.ofMinutes(15));
        for (int i = 0; i < 3; i++) {
            assertThat(attempts.blocked(limit, "a", T.plusSeconds(i))).isFalse();
            attempts.count(limit, "a", T.plusSeconds(i));
        }
        assertThat(attempts.blocked(limit, "a", T.plusSeconds(10))).isTrue();
        assertThat(attempts.blocked(limit, "b", T.plusSeconds(10))).isFalse();
        assertThat(attempts.blocked(new AttemptLimit("other-" + UUID.randomUUID(), 3, Duration.ofMinutes(15)), "a",
                T.plusSeconds(10))).as("another limit counts apart").isFalse();
        assertThat(attempts.blocked(limit, "a", T.plus(Duration.ofMinutes(15)))).isFalse();
        attempts.count(limit, "a", T.plus(Duration.ofMinutes(15)));
        assertThat(attempts.blocked(limit, "a", T.plus(Duration.ofMinutes(16)))).isFalse(); // a new window, one use
    }

    @Test
    void twoAppServersSpendOneBudgetAndARestartForgetsNothing() throws Exception {
        AttemptLimit limit = limit(5, Duration.ofMinutes(15));
        Attempts first = server();
        Attempts second = server();
        first.count(limit, "user-7", T);
        first.count(limit, "user-7", T.plusSeconds(1));
        second.count(limit, "user-7", T.plusSeconds(2));
        second.count(limit, "user-7", T.plusSeconds(3));
        assertThat(first.blocked(limit, "user-7", T.plusSeconds(4))).isFalse();
        second.count(limit, "user-7", T.plusSeconds(4));
        assertThat(first.blocked(limit, "user-7", T.plusSeconds(5))).isTrue();
        assertThat(server().blocked(limit, "user-7", T.plusSeconds(6))).as("a server started since").isTrue();
    }

    @Test
    void countsAtOnceFromManyThreadsAreAllCounted() throws Exception {
        AttemptLimit limit = limit(1_000, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> counted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Attempts attempts = server(); // each its own, as each app server has one
                counted.add(pool.submit(() -> attempts.count(limit, "203.0.113.9", T)));
            }
            for (Future<?> f : counted) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(limit)).isEqualTo(200);
    }

    @Test
    void keepsNoKeyInTheClearAndDeletesWindowsThatHavePassed() throws Exception {
        Attempts attempts = server();
        AttemptLimit limit = limit(5, Duration.ofMinutes(15));
        attempts.count(limit, "old@example.com", T);
        attempts.count(limit, "older@example.com", T.minusSeconds(60));
        assertThat(rows(limit)).isEqualTo(2);
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT key_hash FROM attempt_windows WHERE scope = '" + limit.scope() + "'")) {
            while (rs.next()) {
                assertThat(new String(rs.getBytes(1), StandardCharsets.ISO_8859_1)).doesNotContain("example.com");
                assertThat(rs.getBytes(1)).hasSize(32);
            }
        }
        attempts.count(limit, "new@example.com", T.plus(Duration.ofMinutes(15))); // old's window ends right then
        assertThat(rows(limit)).as("only the new window is left").isEqualTo(1);
    }

    private static int count(AttemptLimit limit) throws SQLException {
        return single("SELECT coalesce(sum(count), 0) FROM attempt_windows WHERE scope = '" + limit.scope() + "'");
    }

    private static int rows(AttemptLimit limit) throws SQLException {
        return single("SELECT count(*) FROM attempt_windows WHERE scope = '" + limit.scope() + "'");
    }

    private static int single(String query) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
