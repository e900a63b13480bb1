package dev.vigil.app.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL behind the settings page's "Email reports", on the caller's connection (through {@code db/Transactions}). */
public final class ReportSettingsStore {

    private static final String READ = "SELECT reports, nag_period FROM users WHERE id = ?";
    // a changed frequency drops the due time it had: the jobs schedule the new one (the next period's end for a
    // report, a period after a check is seen down for a reminder)
    private static final String SAVE = "UPDATE users SET reports = ?, next_report = CASE WHEN reports = ? THEN "
            + "next_report END, nag_period = ?, next_nag = CASE WHEN nag_period = ? THEN next_nag END WHERE id = ?";

    private final Connection c;

    public ReportSettingsStore(Connection c) {
        this.c = c;
    }

    /** The user's settings; empty when there is no such user. */
    public Optional<ReportSettings> read(long userId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(READ)) {
            st.setLong(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReportSettings(ReportFrequency.of(rs.getString("reports")).orElseThrow(),
                        ReminderFrequency.of(rs.getString("nag_period")).orElseThrow()));
            }
        }
    }

    public void save(long userId, ReportSettings settings) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SAVE)) {
            st.setString(1, settings.reports().value());
            st.setString(2, settings.reports().value());
            st.setString(3, settings.reminders().value());
            st.setString(4, settings.reminders().value());
            st.setLong(5, userId);
            st.executeUpdate();
        }
    }
}
