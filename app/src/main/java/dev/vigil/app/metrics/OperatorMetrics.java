package dev.vigil.app.metrics;

import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * Service-wide gauges for operators, next to Payara's JVM metrics at {@code /metrics}: checks, pings received
 * (a counter in all but name: {@code rate()} of it is pings per second), flips waiting for the alert sender and the
 * age of the oldest one (the alert sender's lag). They come from one query, cached a few seconds, so a scrape costs
 * the database one round trip; NaN while the database does not answer.
 */
@ApplicationScoped
public class OperatorMetrics {

    private static final Logger LOG = Logger.getLogger(OperatorMetrics.class.getName());
    private static final long CACHE_NANOS = 5_000_000_000L;
    private static final String QUERY = "SELECT (SELECT count(*) FROM checks) AS checks, "
            + "(SELECT coalesce(sum(n_pings), 0) FROM checks) AS pings, "
            + "(SELECT count(*) FROM flips WHERE processed IS NULL) AS unprocessed_flips, "
            + "(SELECT coalesce(extract(epoch FROM now() - min(created)), 0) FROM flips WHERE processed IS NULL) "
            + "AS oldest_flip_age, "
            + "(SELECT count(*) FROM notifications WHERE state = 'pending') AS pending_notifications, "
            + "(SELECT count(*) FROM notification_attempts WHERE created > now() - interval '1 hour' "
            + "AND outcome IN ('retry', 'failed', 'disabled')) AS failed_attempts";

    private record Snapshot(double checks, double pings, double unprocessedFlips, double oldestFlipAge,
            double pendingNotifications, double failedAttempts, long at) {
    }

    private static final Snapshot UNKNOWN = new Snapshot(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0);

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    MetricRegistry registry;

    private volatile Snapshot last = UNKNOWN;

    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        gauge("vigil_checks_total", "Checks in all projects.", Snapshot::checks);
        gauge("vigil_pings_total", "Pings received by the existing checks; its rate is pings per second.",
                Snapshot::pings);
        gauge("vigil_flips_unprocessed", "Status changes the alert sender has not handled yet.",
                Snapshot::unprocessedFlips);
        gauge("vigil_alert_lag_seconds", "Age of the oldest status change the alert sender has not handled yet.",
                Snapshot::oldestFlipAge);
        gauge("vigil_notifications_pending", "Notifications waiting for delivery or for a retry.",
                Snapshot::pendingNotifications);
        gauge("vigil_notification_failures_last_hour",
                "Delivery attempts in the last hour that failed (to be retried, given up, or disabling the channel).",
                Snapshot::failedAttempts);
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(),
                () -> value.applyAsDouble(snapshot()));
    }

    private Snapshot snapshot() {
        Snapshot s = last;
        if (s != UNKNOWN && System.nanoTime() - s.at() < CACHE_NANOS) {
            return s;
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(5);
            try (ResultSet rs = st.executeQuery(QUERY)) {
                rs.next();
                s = new Snapshot(rs.getDouble("checks"), rs.getDouble("pings"), rs.getDouble("unprocessed_flips"),
                        rs.getDouble("oldest_flip_age"), rs.getDouble("pending_notifications"),
                        rs.getDouble("failed_attempts"), System.nanoTime());
            }
        } catch (SQLException e) {
            LOG.fine(() -> "operator metrics unavailable: " + e.getMessage());
            s = UNKNOWN;
        }
        last = s;
        return s;
    }
}
