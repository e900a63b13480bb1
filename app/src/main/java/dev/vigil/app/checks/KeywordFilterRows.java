package dev.vigil.app.checks;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a check's {@link KeywordFilter} from its row: the ping writer and the API select the same columns. */
public final class KeywordFilterRows {

    /** The columns to select (of {@code checks}; no other table of those queries has columns of these names). */
    public static final String COLUMNS = "filter_subject, filter_body, filter_http_body, filter_default_fail, "
            + "start_kw, success_kw, failure_kw";

    private KeywordFilterRows() {
    }

    /** The filter in the current row; {@link KeywordFilter#NONE} (no allocation) for a check without filtering. */
    public static KeywordFilter read(ResultSet rs) throws SQLException {
        return KeywordFilter.of(rs.getBoolean("filter_subject"), rs.getBoolean("filter_body"),
                rs.getBoolean("filter_http_body"), rs.getBoolean("filter_default_fail"), rs.getString("start_kw"),
                rs.getString("success_kw"), rs.getString("failure_kw"));
    }
}
