package dev.vigil.app.alerts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL behind the unsubscribe link of Vigil's emails: an email channel's token (alert emails) or a user's (reports
 * and reminders). One statement each, so no transaction of its own.
 */
final class UnsubscribeStore {

    /** What a token unsubscribes from. */
    enum Emails { ALERTS, REPORTS }

    private static final String FIND = "SELECT 'alerts' AS emails FROM channels WHERE unsubscribe_token = ? "
            + "AND kind = 'email' UNION ALL SELECT 'reports' FROM users WHERE unsubscribe_token = ?";
    private static final String DISABLE = "UPDATE channels SET disabled = true, disabled_reason = "
            + "'unsubscribed by the recipient' WHERE unsubscribe_token = ? AND kind = 'email'";
    private static final String REPORTS_OFF = "UPDATE users SET reports = 'off', next_report = NULL, "
            + "nag_period = 'off', next_nag = NULL WHERE unsubscribe_token = ?";

    private final DataSource dataSource;

    UnsubscribeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the token unsubscribes from; empty when it is nobody's. */
    Optional<Emails> find(UUID token) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(FIND)) {
            st.setObject(1, token);
            st.setObject(2, token);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Emails.valueOf(rs.getString("emails").toUpperCase(Locale.ROOT)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Disables the email channel with this token, or turns off the reports and reminders of the user with it;
     * empty when there is neither.
     */
    Optional<Emails> unsubscribe(UUID token) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (update(c, DISABLE, token)) {
                return Optional.of(Emails.ALERTS);
            }
            return update(c, REPORTS_OFF, token) ? Optional.of(Emails.REPORTS) : Optional.empty();
        }
    }

    private static boolean update(Connection c, String sql, UUID token) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, token);
            return st.executeUpdate() > 0;
        }
    }
}
