package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.holds.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.util.UUID;

/** The maintenance windows endpoints (Vigil extension): list, create, delete. */
@ApplicationScoped
public class WindowsService {

    @Inject
    Transactions tx;

    public JsonObject list(String key) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, false);
            JsonArrayBuilder windows = JsonBuilders.array();
            Instant now = Instant.now();
            new WindowStore(c).list(caller.projectId()).forEach(w -> windows.add(json(w, now)));
            return JsonBuilders.object().add("windows", windows).build();
        });
    }

    public JsonObject create(String key, JsonObject body) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, ChecksService.keyOf(key, body), true);
            Instant now = Instant.now();
            MaintenanceWindow w = WindowFieldsParser.parse(body, UUID.randomUUID(), now);
            if (w.scope() == MaintenanceWindow.Scope.CHECK) {
                CheckRow check = new CheckStore(c).find(UUID.fromString(w.target())).orElse(null);
                if (check == null || !check.projectId().equals(caller.projectId())) {
                    throw ApiException.badRequest("invalid window: check " + w.target() + " is not a check in this "
                            + "project");
                }
            }
            new WindowStore(c).insert(caller.projectId(), w);
            return json(w, now);
        });
    }

    public JsonObject delete(String key, String ref) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, true);
            UUID id;
            try {
                id = UUID.fromString(ref);
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound();
            }
            WindowStore store = new WindowStore(c);
            MaintenanceWindow w = store.find(caller.projectId(), id).orElseThrow(ApiException::notFound);
            store.delete(caller.projectId(), id);
            return json(w, Instant.now());
        });
    }

    static JsonObject json(MaintenanceWindow w, Instant now) {
        JsonObjectBuilder b = JsonBuilders.object().add("uuid", w.id().toString()).add("scope", w.scope().word());
        switch (w.scope()) {
            case CHECK -> b.add("check", w.target());
            case TAG -> b.add("tag", w.target());
            default -> {
            }
        }
        if (w.recurring()) {
            b.add("schedule", w.schedule().text()).add("tz", w.zone().getId()).add("duration", w.duration().toSeconds());
        } else {
            b.add("start", Timestamps.seconds(w.start())).add("end", Timestamps.seconds(w.end()));
        }
        Instant until = w.openUntil(now).orElse(null);
        b.add("reason", w.reason()).add("open", until != null);
        CheckJson.addNullable(b, "open_until", Timestamps.seconds(until));
        return b.build();
    }
}
