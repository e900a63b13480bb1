package dev.vigil.app.api;

import dev.vigil.app.bodies.PingBody;

import dev.vigil.app.ping.PingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** What happened to a check: its pings (and their bodies) and its flips. */
@ApplicationScoped
public class HistoryService {

    /** Healthchecks' ceiling on the pings one list returns. */
    static final int MAX_PINGS = 1000;
    private static final int MAX_FLIPS = 10_000;

    private static final String PINGS = "SELECT n, created, kind, scheme, remote_addr, method, user_agent, rid, "
            + "duration_ms, (object_key IS NOT NULL OR length(body) > 0) FROM pings WHERE check_id = ? AND n > ? "
            + "ORDER BY n DESC LIMIT " + MAX_PINGS;
    private static final String FLIPS = "SELECT created, new_status FROM flips WHERE check_id = ? "
            + "AND created >= coalesce(?, '-infinity'::timestamptz) AND created < coalesce(?, 'infinity'::timestamptz) "
            + "ORDER BY created DESC, id DESC LIMIT " + MAX_FLIPS;

    @Inject
    Transactions tx;

    @Inject
    PingBodies bodies;

    @Inject
    PingSettings pingSettings;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    public JsonObject pings(String key, String ref) {
        ApiUrls urls = new ApiUrls(siteRoot);
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, true);
            CheckRow check = CheckLookup.find(new CheckStore(c), caller, ref, false, false);
            JsonArrayBuilder list = Json.createArrayBuilder();
            try (PreparedStatement st = c.prepareStatement(PINGS)) {
                st.setObject(1, check.id());
                st.setLong(2, oldestVisible(check));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(1);
                        JsonObjectBuilder p = Json.createObjectBuilder()
                                .add("type", rs.getString(3))
                                .add("date", Timestamps.micros(CheckStore.instant(rs, 2)))
                                .add("n", n)
                                .add("scheme", rs.getString(4));
                        CheckJson.addNullable(p, "remote_addr", rs.getString(5));
                        p.add("method", rs.getString(6));
                        CheckJson.addNullable(p, "ua", rs.getString(7));
                        UUID rid = rs.getObject(8, UUID.class);
                        CheckJson.addNullable(p, "rid", rid == null ? null : rid.toString());
                        long duration = rs.getLong(9);
                        if (!rs.wasNull()) {
                            p.add("duration", CheckJson.secondsOf(duration));
                        }
                        String bodyUrl = rs.getBoolean(10) ? urls.pingBody(check.id(), n) : null;
                        CheckJson.addNullable(p, "body_url", bodyUrl);
                        list.add(p);
                    }
                }
            }
            return Json.createObjectBuilder().add("pings", list).build();
        });
    }

    public byte[] body(String key, String ref, long n) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, true);
            CheckRow check = CheckLookup.find(new CheckStore(c), caller, ref, false, false);
            if (n <= oldestVisible(check) || n > check.nPings()) {
                throw ApiException.notFound();
            }
            PingBody body = bodies.read(c, check.id(), n);
            if (body instanceof PingBody.Present present && present.bytes().length > 0) {
                return present.bytes();
            }
            if (body instanceof PingBody.Processing) {
                throw ApiException.status(503, "the body is still being processed, try again shortly");
            }
            throw ApiException.notFound();
        });
    }

    public JsonObject flips(String key, String ref, FlipFilter filter) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, false);
            CheckRow check = CheckLookup.find(new CheckStore(c), caller, ref, false, true);
            JsonArrayBuilder list = Json.createArrayBuilder();
            try (PreparedStatement st = c.prepareStatement(FLIPS)) {
                st.setObject(1, check.id());
                st.setTimestamp(2, filter.from() == null ? null : Timestamp.from(filter.from()));
                st.setTimestamp(3, filter.until() == null ? null : Timestamp.from(filter.until()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        list.add(Json.createObjectBuilder()
                                .add("timestamp", Timestamps.seconds(CheckStore.instant(rs, 1)))
                                .add("up", "up".equals(rs.getString(2)) ? 1 : 0));
                    }
                }
            }
            return Json.createObjectBuilder().add("flips", list).build();
        });
    }

    /** Pings at or below this serial are past the log limit: neither listed nor served. */
    private long oldestVisible(CheckRow check) {
        return check.nPings() - Math.min(pingSettings.pingsKept(), MAX_PINGS);
    }
}
