package dev.vigil.app.alerts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The SQL behind an alert email's unsubscribe link: one statement, so no transaction of its own. */
final class UnsubscribeStore {

    private static final String DISABLE = "UPDATE channels SET disabled = true, disabled_reason = "
            + "'unsubscribed by the recipient' WHERE unsubscribe_token = ? AND kind = 'email'";

    private final DataSource dataSource;

    UnsubscribeStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Disables the email channel with this unsubscribe token; false when there is none. */
    boolean disable(UUID token) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(DISABLE)) {
            st.setObject(1, token);
            return st.executeUpdate() > 0;
        }
    }
}
