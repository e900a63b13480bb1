package dev.vigil.app.health;

import dev.vigil.app.db.VigilDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Asks the database whether it answers and holds Vigil's schema. */
@ApplicationScoped
public class DatabaseProbe {

    static final int TIMEOUT_SECONDS = 5;
    private static final String QUERY = "SELECT version FROM flyway_schema_history WHERE success "
            + "ORDER BY installed_rank DESC LIMIT 1";

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    private DataSource dataSource;

    /** Empty when healthy, else a short reason fit for a load balancer's log. */
    public Optional<String> problem() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(QUERY)) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.empty() : Optional.of("database schema not migrated");
            }
        } catch (SQLException e) {
            return Optional.of("database unavailable: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
