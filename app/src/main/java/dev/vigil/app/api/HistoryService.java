package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.bodies.PingBody;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.ping.PingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What happened to a check: its pings (and their bodies), its flips and its notifications. */
@ApplicationScoped
public class HistoryService {

    /** Healthchecks' ceiling on the pings one list returns. */
    static final int MAX_PINGS = 1000;
    private static final int MAX_FLIPS = 10_000;

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
            JsonArrayBuilder list = JsonBuilders.array();
            for (HistoryStore.PingRow r : new HistoryStore(c).pings(check.id(), oldestVisible(check), MAX_PINGS)) {
                JsonObjectBuilder p = JsonBuilders.object()
                        .add("type", r.kind())
                        .add("date", Timestamps.micros(r.created()))
                        .add("n", r.n())
                        .add("scheme", r.scheme());
                CheckJson.addNullable(p, "remote_addr", r.remoteAddr());
                p.add("method", r.method());
                CheckJson.addNullable(p, "ua", r.userAgent());
                CheckJson.addNullable(p, "rid", r.rid() == null ? null : r.rid().toString());
                if (r.durationMs() != null) {
                    p.add("duration", CheckJson.secondsOf(r.durationMs()));
                }
                CheckJson.addNullable(p, "body_url", r.hasBody() ? urls.pingBody(check.id(), r.n()) : null);
                list.add(p);
            }
            return JsonBuilders.object().add("pings", list).build();
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
            JsonArrayBuilder list = JsonBuilders.array();
            for (HistoryStore.FlipRow f : new HistoryStore(c).flips(check.id(), filter.from(), filter.until(),
                    MAX_FLIPS)) {
                list.add(JsonBuilders.object()
                        .add("timestamp", Timestamps.seconds(f.created()))
                        .add("up", "up".equals(f.newStatus()) ? 1 : 0));
            }
            return JsonBuilders.object().add("flips", list).build();
        });
    }

    /** The newest pings of a check, newest first, each with the start of its body, for the details page. */
    public java.util.List<RecentPing> recent(CheckRow check, int limit) {
        return tx.run(c -> {
            java.util.List<RecentPing> list = new java.util.ArrayList<>();
            for (HistoryStore.PingRow r : new HistoryStore(c).pings(check.id(), oldestVisible(check), limit)) {
                String preview = null;
                if (r.hasBody() && bodies.read(c, check.id(), r.n()) instanceof PingBody.Present present) {
                    preview = RecentPing.preview(present.bytes());
                }
                list.add(new RecentPing(r.n(), r.created(), r.kind(), r.scheme(), r.remoteAddr(), r.method(),
                        r.userAgent(), r.durationMs(), preview));
            }
            return list;
        });
    }

    /** The newest pings of a check without their bodies (the details page's chart), newest first. */
    public java.util.List<RecentPing> timeline(CheckRow check, int limit) {
        return tx.run(c -> new HistoryStore(c).pings(check.id(), oldestVisible(check), limit).stream()
                .map(r -> new RecentPing(r.n(), r.created(), r.kind(), r.scheme(), r.remoteAddr(), r.method(),
                        r.userAgent(), r.durationMs(), null)).toList());
    }

    /** A check's flips at or after {@code from}, newest first, at most {@code limit}. */
    public java.util.List<FlipEvent> flipsSince(CheckRow check, java.time.Instant from, int limit) {
        return tx.run(c -> new HistoryStore(c).flipDetails(check.id(), from, limit));
    }

    /** The status a check's last flip before {@code t} left it in, or null when it had none. */
    public String statusBefore(CheckRow check, java.time.Instant t) {
        return tx.run(c -> new HistoryStore(c).statusBefore(check.id(), t));
    }

    /** A check's newest notifications with their delivery result, newest first. */
    public java.util.List<NotificationEvent> notifications(CheckRow check, int limit) {
        return tx.run(c -> new HistoryStore(c).notifications(check.id(), limit));
    }

    /** Pings at or below this serial are past the log limit: neither listed nor served. */
    private long oldestVisible(CheckRow check) {
        return check.nPings() - Math.min(pingSettings.pingsKept(), MAX_PINGS);
    }
}
