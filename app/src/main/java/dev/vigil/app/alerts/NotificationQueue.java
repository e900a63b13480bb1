package dev.vigil.app.alerts;

import dev.vigil.app.db.Columns;
import dev.vigil.app.notify.Alert;
import dev.vigil.app.notify.ChannelConfig;
import dev.vigil.app.notify.SendResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The notifications table as a work queue. A claim takes due notifications with {@code FOR UPDATE SKIP LOCKED}
 * and moves their next attempt to the end of the lease, in one statement that also reads what the delivery needs;
 * results are written back only by the claim that still holds the lease.
 */
final class NotificationQueue {

    private static final Logger LOG = Logger.getLogger(NotificationQueue.class.getName());
    static final int BODY_CHARS = 10_000;

    private static final String CLAIM = "WITH claimed AS ("
            + " UPDATE notifications n SET lease_owner = ?, attempts = n.attempts + 1,"
            + " next_attempt = now() + ? * interval '1 millisecond'"
            + " FROM (SELECT id FROM notifications WHERE state = 'pending' AND next_attempt <= now()"
            + " ORDER BY next_attempt LIMIT ? FOR UPDATE SKIP LOCKED) due"
            + " WHERE n.id = due.id RETURNING n.*)"
            + " SELECT cl.id, cl.check_id, cl.channel_id, cl.attempts, cl.flip_created, cl.old_status, cl.new_status,"
            + " cl.reason, c.id AS found_check, c.name AS check_name, c.slug, c.tags, p.name AS project_name,"
            + " ch.id AS found_channel, ch.kind, ch.name AS channel_name, ch.settings::text AS settings, ch.disabled,"
            + " ch.unsubscribe_token, lp.n AS ping_n, lp.created AS ping_created, lp.kind AS ping_kind,"
            + " lp.exit_status, lp.remote_addr, substring(lp.body from 1 for " + (BODY_CHARS * 4) + ") AS ping_body,"
            + " lp.object_key, now() AS db_now, ARRAY(SELECT coalesce(nullif(d.name, ''), d.id::text) FROM held_alerts h"
            + "  JOIN checks d ON d.id = h.check_id WHERE cl.new_status = 'down' AND h.held_by @> ARRAY[cl.check_id]"
            + "  ORDER BY 1) AS held_dependents"
            + " FROM claimed cl LEFT JOIN checks c ON c.id = cl.check_id"
            + " LEFT JOIN projects p ON p.id = c.project_id"
            + " LEFT JOIN channels ch ON ch.id = cl.channel_id"
            + " LEFT JOIN LATERAL (SELECT n, created, kind, exit_status, remote_addr, body, object_key FROM pings"
            + "  WHERE check_id = cl.check_id ORDER BY n DESC LIMIT 1) lp ON true";

    private static final String SENT = "UPDATE notifications SET state = 'sent', done = now(), error = '',"
            + " lease_owner = NULL WHERE id = ? AND lease_owner = ?";
    private static final String FAILED = "UPDATE notifications SET state = 'failed', done = now(), error = ?,"
            + " lease_owner = NULL WHERE id = ? AND lease_owner = ?";
    private static final String RETRY = "UPDATE notifications SET next_attempt = now() + ? * interval '1 millisecond',"
            + " error = ?, lease_owner = NULL WHERE id = ? AND lease_owner = ?";
    private static final String ATTEMPT = "INSERT INTO notification_attempts (check_id, notification_id, channel_id,"
            + " sender, outcome, error) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DISABLE = "UPDATE channels SET disabled = true, disabled_reason = ? WHERE id = ?";

    /** How one attempt ended, to be recorded. */
    record Outcome(Claimed notification, SendResult result) {
    }

    private final String siteRoot;
    private final PingBodies bodies;

    NotificationQueue(String siteRoot, PingBodies bodies) {
        this.siteRoot = siteRoot;
        this.bodies = bodies;
    }

    List<Claimed> claim(Connection c, String claim, int limit, Duration lease) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(CLAIM)) {
            st.setString(1, claim);
            st.setLong(2, lease.toMillis());
            st.setInt(3, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs, claim));
                }
            }
        }
        return out;
    }

    private Claimed read(ResultSet rs, String claim) throws SQLException {
        long id = rs.getLong("id");
        UUID checkId = Columns.uuid(rs, "check_id");
        UUID channelId = Columns.uuid(rs, "channel_id");
        int attempt = rs.getInt("attempts");
        Alert alert = null;
        if (rs.getObject("found_check") != null) {
            Alert.LastPing lastPing = null;
            if (rs.getObject("ping_n") != null) {
                long n = rs.getLong("ping_n");
                int exit = rs.getInt("exit_status");
                Integer exitStatus = rs.wasNull() ? null : exit;
                byte[] body = rs.getBytes("ping_body");
                String objectKey = rs.getString("object_key");
                String text = body != null ? text(body) : objectKey != null ? bodies.body(checkId, n, objectKey) : null;
                lastPing = new Alert.LastPing(n, instant(rs.getTimestamp("ping_created")), rs.getString("ping_kind"),
                        exitStatus, rs.getString("remote_addr"), text);
            }
            alert = new Alert(checkId, rs.getString("check_name"), rs.getString("slug"), rs.getString("tags"),
                    rs.getString("project_name"), rs.getString("old_status"), rs.getString("new_status"),
                    rs.getString("reason"), instant(rs.getTimestamp("flip_created")),
                    instant(rs.getTimestamp("db_now")), lastPing, checkUrl(siteRoot, checkId), false,
                    List.of((String[]) rs.getArray("held_dependents").getArray()));
        }
        ChannelConfig channel = null;
        boolean disabled = false;
        if (rs.getObject("found_channel") != null) {
            channel = new ChannelConfig(channelId, rs.getString("kind"), rs.getString("channel_name"),
                    parse(rs.getString("settings")), Columns.uuid(rs, "unsubscribe_token"));
            disabled = rs.getBoolean("disabled");
        }
        return new Claimed(id, claim, checkId, channelId, attempt, alert, channel, disabled);
    }

    static String checkUrl(String siteRoot, UUID checkId) {
        return siteRoot + "/checks/" + checkId + "/details/";
    }

    static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /** A body as text: UTF-8 when it is, else a note; cut at {@link #BODY_CHARS} characters. */
    static String text(byte[] body) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            // the SQL cut may have split a character at the end; decode leniently before giving up
            s = new String(body, StandardCharsets.UTF_8);
            if (s.chars().filter(ch -> ch == '\uFFFD').count() > 8) {
                return "(the body is binary data, " + body.length + " bytes)";
            }
        }
        return s.length() > BODY_CHARS ? s.substring(0, BODY_CHARS) + "\n(cut at " + BODY_CHARS + " characters)" : s;
    }

    /** Records attempts in one transaction (the caller commits). */
    void record(Connection c, List<Outcome> outcomes, String sender, SenderSettings settings) throws SQLException {
        try (PreparedStatement sent = c.prepareStatement(SENT);
             PreparedStatement failed = c.prepareStatement(FAILED);
             PreparedStatement retry = c.prepareStatement(RETRY);
             PreparedStatement attempt = c.prepareStatement(ATTEMPT);
             PreparedStatement disable = c.prepareStatement(DISABLE)) {
            for (Outcome o : outcomes) {
                Claimed n = o.notification();
                String outcome;
                String error;
                SendResult result = o.result();
                if (result instanceof SendResult.Sent) {
                    outcome = "sent";
                    error = "";
                    sent.setLong(1, n.id());
                    sent.setString(2, n.claim());
                    sent.addBatch();
                } else if (result instanceof SendResult.Retry r && n.attempt() < settings.maxAttempts()) {
                    outcome = "retry";
                    error = r.error();
                    Duration delay = r.retryAfter() != null ? r.retryAfter() : settings.backoff(n.attempt());
                    retry.setLong(1, delay.toMillis());
                    retry.setString(2, cut(error));
                    retry.setLong(3, n.id());
                    retry.setString(4, n.claim());
                    retry.addBatch();
                } else if (result instanceof SendResult.Gone g) {
                    outcome = "disabled";
                    error = g.error();
                    fail(failed, n, error);
                    disable.setString(1, cut("disabled after a delivery: " + error));
                    disable.setObject(2, n.channelId());
                    disable.addBatch();
                    LOG.warning(() -> "channel " + n.channelId() + " disabled: " + error);
                } else if (result instanceof SendResult.Retry r) {
                    outcome = "failed";
                    error = r.error() + " (gave up after " + n.attempt() + " attempts)";
                    fail(failed, n, error);
                } else {
                    outcome = "failed";
                    error = ((SendResult.Failed) result).error();
                    fail(failed, n, error);
                }
                if (!outcome.equals("sent")) {
                    String e = error;
                    LOG.info(() -> "notification " + n.id() + " of check " + n.checkId() + " via channel "
                            + n.channelId() + ": " + outcome + ": " + e);
                }
                attempt.setObject(1, n.checkId());
                attempt.setLong(2, n.id());
                attempt.setObject(3, n.channelId());
                attempt.setString(4, sender);
                attempt.setString(5, outcome);
                attempt.setString(6, cut(error));
                attempt.addBatch();
            }
            warnLost(sent.executeBatch());
            warnLost(failed.executeBatch());
            warnLost(retry.executeBatch());
            attempt.executeBatch();
            disable.executeBatch();
        }
    }

    private static void fail(PreparedStatement failed, Claimed n, String error) throws SQLException {
        failed.setString(1, cut(error));
        failed.setLong(2, n.id());
        failed.setString(3, n.claim());
        failed.addBatch();
    }

    private static void warnLost(int[] counts) {
        long lost = java.util.Arrays.stream(counts).filter(x -> x == 0).count();
        if (lost > 0) {
            LOG.warning(() -> lost + " notification(s) finished after their lease had ended; another sender may "
                    + "have delivered them too (raise VIGIL_ALERTS_LEASE_SECONDS if deliveries take this long)");
        }
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
