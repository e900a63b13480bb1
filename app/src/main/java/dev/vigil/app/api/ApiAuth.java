package dev.vigil.app.api;

import dev.vigil.app.db.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds the project of an API key, by the key's hash. As in Healthchecks, a key that is not 32 characters is
 * "missing", an unknown one "wrong", and a read-only key on an endpoint that writes is "wrong" too.
 */
final class ApiAuth {

    private ApiAuth() {
    }

    static ApiCaller authenticate(Connection c, String key, boolean mustWrite) throws SQLException {
        if (key == null || key.length() != ApiKeys.LENGTH) {
            throw ApiException.unauthorized("missing api key");
        }
        try (PreparedStatement st =
                c.prepareStatement("SELECT project_id, read_only FROM api_keys WHERE key_hash = ?")) {
            st.setBytes(1, ApiKeys.hash(key));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || (mustWrite && rs.getBoolean("read_only"))) {
                    throw ApiException.unauthorized("wrong api key");
                }
                return new ApiCaller(Columns.uuid(rs, "project_id"), rs.getBoolean("read_only"));
            }
        }
    }
}
