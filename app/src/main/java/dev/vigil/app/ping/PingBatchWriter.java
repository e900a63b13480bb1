package dev.vigil.app.ping;

import dev.vigil.app.bodies.BodyStorage;
import dev.vigil.app.bodies.ObjectKeys;
import dev.vigil.app.checks.CheckState;
import dev.vigil.app.checks.CheckStateRows;
import dev.vigil.app.checks.KeywordFilter;
import dev.vigil.app.checks.KeywordFilterRows;
import dev.vigil.app.checks.PingKind;
import dev.vigil.app.checks.PingOutcome;
import dev.vigil.app.checks.PingRules;
import dev.vigil.app.checks.PingSignal;
import dev.vigil.app.checks.ScheduleCache;
import dev.vigil.app.checks.StoredAlertTime;
import dev.vigil.app.db.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a batch of pings in one transaction (group commit): resolves slug URLs, locks the checks involved in a fixed
 * order (so that concurrent batches on several servers cannot deadlock), applies the check's {@link KeywordFilter}
 * and then {@link PingRules} to each ping in arrival order, then writes pings, check states and flips with batched statements. One commit covers them all, so
 * "200 OK" still means "committed", at a fraction of the cost per ping.
 */
final class PingBatchWriter {

    /** Checks whose serial reached a multiple of this have their old pings pruned (as Healthchecks does). */
    static final int PRUNE_EVERY = 100;

    /** A check whose pings may be pruned up to serial {@code upTo}. */
    record Prune(UUID checkId, long upTo) {
    }

    /** The answers for the batch, in order, and the pruning the batch made due. */
    record Written(List<PingResult> results, List<Prune> prunes) {
    }

    private static final String SLUG_LOOKUP = "SELECT p.ping_key, c.slug, c.id FROM checks c "
            + "JOIN projects p ON p.id = c.project_id WHERE p.ping_key = ANY(?) AND c.slug = ANY(?)";
    private static final String LOCK_CHECKS = "SELECT " + CheckStateRows.COLUMNS + ", alert_after, "
            + KeywordFilterRows.COLUMNS + " FROM checks WHERE id = ANY(?) ORDER BY id FOR UPDATE";
    private static final String LAST_OF_RUN = "SELECT kind, created FROM pings WHERE check_id = ? AND rid = ? "
            + "ORDER BY n DESC LIMIT 1";
    // one statement per batch, whatever its size: arrays, one element per ping or check (timestamps travel as text)
    private static final String INSERT_PINGS = "INSERT INTO pings (check_id, n, created, kind, scheme, remote_addr, "
            + "method, user_agent, exit_status, rid, body, body_size, duration_ms, object_key) "
            + "SELECT * FROM unnest(?::uuid[], ?::int8[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::int2[], ?::uuid[], ?::bytea[], ?::int8[], ?::int8[], ?::text[])";
    private static final String UPDATE_CHECKS = "UPDATE checks AS c SET status = v.status, last_ping = v.last_ping, "
            + "last_start = v.last_start, last_start_rid = v.last_start_rid, last_duration_ms = v.last_duration_ms, "
            + "n_pings = v.n_pings, alert_after = v.alert_after, failures_in_a_row = v.failures "
            + "FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::uuid[], ?::int8[], "
            + "?::int8[], ?::timestamptz[], ?::int4[]) AS v(id, status, last_ping, last_start, last_start_rid, "
            + "last_duration_ms, n_pings, alert_after, failures) WHERE c.id = v.id";
    private static final String INSERT_FLIP = "INSERT INTO flips (check_id, created, old_status, new_status, reason) "
            + "VALUES (?, ?, ?, ?, ?)";

    private final ScheduleCache schedules;
    private final int pingsKept;
    private final CheckCreator creator;
    private final BodyStorage bodies;

    PingBatchWriter(ScheduleCache schedules, int pingsKept, BodyStorage bodies) {
        this.schedules = schedules;
        this.pingsKept = pingsKept;
        this.creator = new CheckCreator();
        this.bodies = bodies;
    }

    Written write(Connection c, List<PingRequest> batch) throws SQLException {
        PingResult[] results = new PingResult[batch.size()];
        UUID[] target = new UUID[batch.size()];
        boolean[] created = new boolean[batch.size()];
        resolveTargets(c, batch, target, created, results);

        Map<UUID, Locked> locked = lock(c, target);
        Map<UUID, CheckState> states = new HashMap<>();
        locked.forEach((id, l) -> states.put(id, l.state()));
        Map<UUID, CheckState> changed = new LinkedHashMap<>();
        List<Prune> prunes = new ArrayList<>();
        boolean spooled = false;
        // the last ping of each (check, run id) written in this batch, for pairing runs before they are in the table
        Map<List<Object>, PingKindAt> runsInBatch = new HashMap<>();

        PingRows pings = new PingRows(batch.size());
        try (PreparedStatement flips = c.prepareStatement(INSERT_FLIP)) {
            for (int i = 0; i < batch.size(); i++) {
                if (results[i] != null) {
                    continue;
                }
                PingRequest r = batch.get(i);
                CheckState state = states.get(target[i]);
                if (state == null) {
                    results[i] = PingResult.NOT_FOUND; // deleted between lookup and lock, or never existed
                    continue;
                }
                PingSignal signal = filtered(locked.get(target[i]).keywords(), r);
                Instant startOfRun = startOfRun(c, target[i], state, signal, runsInBatch);
                PingOutcome o = PingRules.apply(state, signal, r.received(), startOfRun);
                states.put(target[i], o.after());
                changed.put(target[i], o.after());
                if (r.signal().rid() != null) {
                    runsInBatch.put(List.of(target[i], r.signal().rid()), new PingKindAt(o.kind(), r.received()));
                }
                String objectKey = null;
                if (r.spooled() != null) {
                    objectKey = ObjectKeys.key(target[i], o.n());
                    promote(r, objectKey);
                    spooled = true;
                }
                pings.add(target[i], o, r, objectKey);
                if (o.flipped()) {
                    flips.setObject(1, target[i]);
                    flips.setObject(2, utc(r.received()));
                    flips.setString(3, o.flippedFrom().dbValue());
                    flips.setString(4, o.after().status().dbValue());
                    flips.setString(5, o.kind() == PingKind.FAIL ? "fail" : "");
                    flips.addBatch();
                }
                if (o.n() % PRUNE_EVERY == 0 && o.n() > pingsKept) {
                    prunes.add(new Prune(target[i], o.n() - pingsKept));
                }
                results[i] = created[i] ? PingResult.CREATED : PingResult.OK;
            }
            pings.insert(c);
            flips.executeBatch();
        }
        if (spooled) {
            syncSpool(); // the renames of this batch's bodies must survive a crash once the pings are committed
        }
        updateChecks(c, changed, locked);
        c.commit();
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = PingResult.NOT_FOUND;
            }
            if (results[i].status() >= 300 && batch.get(i).spooled() != null) {
                bodies.discard(batch.get(i).spooled()); // not written: nobody will ask for this body
            }
        }
        if (spooled) {
            bodies.uploadSoon();
        }
        return new Written(List.of(results), prunes);
    }

    private record PingKindAt(PingKind kind, Instant at) {
    }

    /** Fills {@code target} with the check of each ping, answering slug pings that match no or several checks. */
    private void resolveTargets(Connection c, List<PingRequest> batch, UUID[] target, boolean[] created,
            PingResult[] results) throws SQLException {
        List<String> keys = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PingUrl url = batch.get(i).url();
            if (url.bySlug()) {
                keys.add(url.pingKey());
                slugs.add(url.slug());
            } else {
                target[i] = url.checkId();
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<String, List<UUID>> bySlug = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(SLUG_LOOKUP)) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            st.setArray(2, c.createArrayOf("text", slugs.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    bySlug.computeIfAbsent(rs.getString("ping_key") + '/' + rs.getString("slug"),
                            k -> new ArrayList<>()).add(Columns.uuid(rs, "id"));
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            PingRequest r = batch.get(i);
            if (!r.url().bySlug()) {
                continue;
            }
            String key = r.url().pingKey() + '/' + r.url().slug();
            List<UUID> ids = bySlug.get(key);
            if (ids == null || ids.isEmpty()) {
                CheckCreator.Created made = r.create() ? creator.create(c, r.url().pingKey(), r.url().slug()) : null;
                if (made == null) {
                    results[i] = PingResult.NOT_FOUND;
                } else {
                    bySlug.put(key, List.of(made.id())); // later pings of this batch find it
                    target[i] = made.id();
                    created[i] = made.isNew();
                }
            } else if (ids.size() > 1) {
                results[i] = PingResult.AMBIGUOUS_SLUG;
            } else {
                target[i] = ids.get(0);
            }
        }
    }

    /** A check as locked at the start of the batch, with the alert time stored then and its keyword filter. */
    private record Locked(CheckState state, Instant storedAlertAfter, KeywordFilter keywords) {
    }

    /**
     * The ping as the check's keyword filter reads it (before PingRules, whose "POST only" and manual-resume rules
     * still win). A check without filtering takes the signal as it is: no text is decoded, no body is read.
     */
    private PingSignal filtered(KeywordFilter keywords, PingRequest r) {
        PingSignal s = r.signal();
        PingKind kind;
        if (r.mail() != null) {
            if (!keywords.filtersMail()) {
                return s;
            }
            kind = keywords.forMail(r.mail().subject(), r.mail().text());
        } else {
            if (!keywords.filterHttpBody()) {
                return s;
            }
            kind = keywords.forHttp(s.kind(), r.spooled() != null ? staged(r) : r.body());
        }
        return kind == s.kind() ? s : new PingSignal(kind, s.exitStatus(), s.method(), s.rid());
    }

    /** A body staged for object storage, read back from the local spool: what the request carried, up to the limit. */
    private byte[] staged(PingRequest r) {
        try {
            return bodies.readStaged(r.spooled());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a spooled ping body for its check's keyword filter", e);
        }
    }

    private Map<UUID, Locked> lock(Connection c, UUID[] target) throws SQLException {
        Map<UUID, Locked> locked = new HashMap<>();
        Set<UUID> ids = new HashSet<>(); // the statement orders the locks; a set keeps a 500-ping batch linear
        for (UUID id : target) {
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return locked;
        }
        try (PreparedStatement st = c.prepareStatement(LOCK_CHECKS)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    locked.put(CheckStateRows.id(rs), new Locked(CheckStateRows.read(rs, schedules),
                            CheckStateRows.instant(rs.getTimestamp("alert_after")), KeywordFilterRows.read(rs)));
                }
            }
        }
        return locked;
    }

    /** For a success or fail of a run other than the pending one: when that run started, if it did. */
    private static Instant startOfRun(Connection c, UUID checkId, CheckState state, PingSignal signal,
            Map<List<Object>, PingKindAt> runsInBatch) throws SQLException {
        UUID rid = signal.rid();
        PingKind kind = signal.kind();
        if (rid == null || (kind != PingKind.SUCCESS && kind != PingKind.FAIL)
                || (state.started() && Objects.equals(state.lastStartRid(), rid))) {
            return null;
        }
        PingKindAt last = runsInBatch.get(List.of(checkId, rid));
        if (last == null) {
            try (PreparedStatement st = c.prepareStatement(LAST_OF_RUN)) {
                st.setObject(1, checkId);
                st.setObject(2, rid);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        last = new PingKindAt(PingKind.fromDb(rs.getString("kind")),
                                CheckStateRows.instant(rs.getTimestamp("created")));
                    }
                }
            }
        }
        return last != null && last.kind() == PingKind.START ? last.at() : null;
    }

    private void promote(PingRequest r, String objectKey) {
        try {
            bodies.promote(r.spooled(), objectKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move a spooled ping body to " + objectKey, e);
        }
    }

    private void syncSpool() {
        try {
            bodies.syncSpool();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync the ping body spool", e);
        }
    }

    /** The pings of a batch as column arrays, for {@link #INSERT_PINGS}. */
    private static final class PingRows {
        private final List<UUID> checkIds;
        private final List<Long> serials;
        private final List<String> created;
        private final List<String> kinds;
        private final List<String> schemes;
        private final List<String> remoteAddrs;
        private final List<String> methods;
        private final List<String> userAgents;
        private final List<Short> exitStatuses;
        private final List<UUID> rids;
        private final List<byte[]> bodies;
        private final List<Long> bodySizes;
        private final List<Long> durations;
        private final List<String> objectKeys;

        PingRows(int capacity) {
            checkIds = new ArrayList<>(capacity);
            serials = new ArrayList<>(capacity);
            created = new ArrayList<>(capacity);
            kinds = new ArrayList<>(capacity);
            schemes = new ArrayList<>(capacity);
            remoteAddrs = new ArrayList<>(capacity);
            methods = new ArrayList<>(capacity);
            userAgents = new ArrayList<>(capacity);
            exitStatuses = new ArrayList<>(capacity);
            rids = new ArrayList<>(capacity);
            bodies = new ArrayList<>(capacity);
            bodySizes = new ArrayList<>(capacity);
            durations = new ArrayList<>(capacity);
            objectKeys = new ArrayList<>(capacity);
        }

        void add(UUID checkId, PingOutcome o, PingRequest r, String objectKey) {
            checkIds.add(checkId);
            serials.add(o.n());
            created.add(r.received().toString());
            kinds.add(o.kind().dbValue());
            schemes.add(r.scheme());
            remoteAddrs.add(r.remoteAddr());
            methods.add(r.signal().method());
            userAgents.add(r.userAgent());
            exitStatuses.add(r.signal().exitStatus() == null ? null : r.signal().exitStatus().shortValue());
            rids.add(r.signal().rid());
            bodies.add(r.body().length == 0 ? null : r.body());
            bodySizes.add(r.bodySize());
            durations.add(o.durationMs());
            objectKeys.add(objectKey);
        }

        void insert(Connection c) throws SQLException {
            if (checkIds.isEmpty()) {
                return;
            }
            try (PreparedStatement st = c.prepareStatement(INSERT_PINGS)) {
                st.setArray(1, c.createArrayOf("uuid", checkIds.toArray()));
                st.setArray(2, c.createArrayOf("int8", serials.toArray()));
                st.setArray(3, c.createArrayOf("text", created.toArray()));
                st.setArray(4, c.createArrayOf("text", kinds.toArray()));
                st.setArray(5, c.createArrayOf("text", schemes.toArray()));
                st.setArray(6, c.createArrayOf("text", remoteAddrs.toArray()));
                st.setArray(7, c.createArrayOf("text", methods.toArray()));
                st.setArray(8, c.createArrayOf("text", userAgents.toArray()));
                st.setArray(9, c.createArrayOf("int2", exitStatuses.toArray()));
                st.setArray(10, c.createArrayOf("uuid", rids.toArray()));
                st.setArray(11, c.createArrayOf("bytea", bodies.toArray(new byte[0][])));
                st.setArray(12, c.createArrayOf("int8", bodySizes.toArray()));
                st.setArray(13, c.createArrayOf("int8", durations.toArray()));
                st.setArray(14, c.createArrayOf("text", objectKeys.toArray()));
                st.executeUpdate();
            }
        }
    }

    private static void updateChecks(Connection c, Map<UUID, CheckState> changed, Map<UUID, Locked> locked)
            throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        int size = changed.size();
        Object[] ids = new Object[size];
        Object[] statuses = new Object[size];
        Object[] lastPings = new Object[size];
        Object[] lastStarts = new Object[size];
        Object[] lastRids = new Object[size];
        Object[] durations = new Object[size];
        Object[] serials = new Object[size];
        Object[] alerts = new Object[size];
        Object[] failures = new Object[size];
        int i = 0;
        for (Map.Entry<UUID, CheckState> e : changed.entrySet()) {
            CheckState s = e.getValue();
            ids[i] = e.getKey();
            statuses[i] = s.status().dbValue();
            lastPings[i] = text(s.lastPing());
            lastStarts[i] = text(s.lastStart());
            lastRids[i] = s.lastStartRid();
            durations[i] = s.lastDurationMs();
            serials[i] = s.nPings();
            Locked before = locked.get(e.getKey());
            alerts[i] = text(StoredAlertTime.afterPings(before.storedAlertAfter(), before.state().status(), s));
            failures[i] = s.failuresInARow();
            i++;
        }
        try (PreparedStatement st = c.prepareStatement(UPDATE_CHECKS)) {
            st.setArray(1, c.createArrayOf("uuid", ids));
            st.setArray(2, c.createArrayOf("text", statuses));
            st.setArray(3, c.createArrayOf("text", lastPings));
            st.setArray(4, c.createArrayOf("text", lastStarts));
            st.setArray(5, c.createArrayOf("uuid", lastRids));
            st.setArray(6, c.createArrayOf("int8", durations));
            st.setArray(7, c.createArrayOf("int8", serials));
            st.setArray(8, c.createArrayOf("text", alerts));
            st.setArray(9, c.createArrayOf("int4", failures));
            st.executeUpdate();
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

}
