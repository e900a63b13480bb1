package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.db.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The checks endpoints: list, get, create (or create-or-update), update, pause, resume, delete; and for the web pages
 * the same with a caller they have checked, plus copy.
 */
@ApplicationScoped
public class ChecksService {

    /** A JSON answer with its status code (create answers 201, or 200 when it updated an existing check). */
    public record Answer(int status, JsonObject json) {
    }

    @Inject
    Transactions tx;

    @Inject
    CheckDeleter deleter;

    @Inject
    @ConfigProperty(name = "vigil.site.root")
    String siteRoot;

    public JsonObject list(String key, List<String> tags, String slug) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, false);
            JsonArrayBuilder checks = JsonBuilders.array();
            Instant now = Instant.now();
            Map<UUID, List<UUID>> dependencies = new DependencyStore(c).graph(caller.projectId());
            for (CheckRow row : new CheckStore(c).list(caller.projectId())) {
                if (row.hasTags(tags) && (slug == null || slug.equals(row.slug()))) {
                    checks.add(json(row, caller, now, dependencies.getOrDefault(row.id(), List.of())));
                }
            }
            return JsonBuilders.object().add("checks", checks).build();
        });
    }

    public JsonObject get(String key, String ref) {
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, key, false);
            CheckRow row = CheckLookup.find(new CheckStore(c), caller, ref, false, true);
            return json(row, caller, Instant.now(), new DependencyStore(c).of(row.id()));
        });
    }

    public Answer create(String headerKey, JsonObject body) {
        return tx.run(c -> create(c, ApiAuth.authenticate(c, keyOf(headerKey, body), true), body));
    }

    /** Creates a check as {@link #create(String, JsonObject)} does, for a caller the web pages let write. */
    public Answer create(ApiCaller caller, JsonObject body) {
        return tx.run(c -> create(c, caller, body));
    }

    /** The checks of a project, oldest first, for the web pages (which have checked the user's membership). */
    public List<CheckRow> listOf(UUID project) {
        return tx.run(c -> new CheckStore(c).list(project));
    }

    /** A check by its UUID, in whatever project, for the web pages (which then check the user's membership). */
    public java.util.Optional<CheckRow> find(UUID check) {
        return tx.run(c -> new CheckStore(c).find(check));
    }

    /** Updates a check as {@link #update(String, String, JsonObject)} does, for a caller the web pages let write. */
    public JsonObject update(ApiCaller caller, UUID check, JsonObject body) {
        return tx.run(c -> update(c, caller, check.toString(), body));
    }

    /** A project's channels, oldest first, for the web pages (which have checked the user's membership). */
    public List<ChannelRow> channelsOf(UUID project) {
        return tx.run(c -> new CheckStore(c).channels(project));
    }

    /** A project's ping key (its checks' slug URLs), for the web pages. */
    public java.util.Optional<String> pingKey(UUID project) {
        return tx.run(c -> new ProjectStore(c).pingKey(project));
    }

    private Answer create(Connection c, ApiCaller caller, JsonObject body) throws SQLException {
        CheckFields fields = CheckFieldsParser.parse(body);
        String dependsOn = DependsOn.field(body);
        CheckStore store = new CheckStore(c);
        long room = store.lockProjectAndCountRoom(caller.projectId());
        if (fields.unique() != null && !fields.unique().isEmpty()) {
            for (CheckRow existing : store.list(caller.projectId())) {
                if (CheckEdits.matches(existing, fields, fields.unique())) {
                    store.lock(existing.id());
                    return new Answer(200, save(c, store, existing, fields, dependsOn, caller));
                }
            }
        }
        if (room <= 0) {
            throw ApiException.forbidden("check limit reached");
        }
        CheckRow created = store.insert(caller.projectId());
        if (fields.channels() == null) {
            fields = withChannels(fields, ""); // a check created through the API gets no channels unless asked
        }
        return new Answer(201, save(c, store, created, fields, dependsOn, caller));
    }

    public JsonObject update(String headerKey, String ref, JsonObject body) {
        return tx.run(c -> update(c, ApiAuth.authenticate(c, keyOf(headerKey, body), true), ref, body));
    }

    private JsonObject update(Connection c, ApiCaller caller, String ref, JsonObject body) throws SQLException {
        CheckFields fields = CheckFieldsParser.parse(body);
        String dependsOn = DependsOn.field(body);
        CheckStore store = new CheckStore(c);
        return save(c, store, CheckLookup.find(store, caller, ref, true, false), fields, dependsOn, caller);
    }

    public JsonObject pause(String headerKey, String ref, JsonObject body) {
        return tx.run(c -> pause(c, ApiAuth.authenticate(c, keyOf(headerKey, body), true), ref));
    }

    /** Pauses a check as {@link #pause(String, String, JsonObject)} does, for a caller the web pages let write. */
    public JsonObject pause(ApiCaller caller, UUID check) {
        return tx.run(c -> pause(c, caller, check.toString()));
    }

    private JsonObject pause(Connection c, ApiCaller caller, String ref) throws SQLException {
        CheckStore store = new CheckStore(c);
        CheckRow row = CheckLookup.find(store, caller, ref, true, false);
        if (!"paused".equals(row.status())) {
            store.recordSilentFlip(row.id(), row.status(), "paused");
        }
        store.save(CheckEdits.paused(row), null);
        return json(store.find(row.id()).orElseThrow(), caller, Instant.now(), new DependencyStore(c).of(row.id()));
    }

    public JsonObject resume(String headerKey, String ref, JsonObject body) {
        return tx.run(c -> resume(c, ApiAuth.authenticate(c, keyOf(headerKey, body), true), ref));
    }

    /** Resumes a check as {@link #resume(String, String, JsonObject)} does, for a caller the web pages let write. */
    public JsonObject resume(ApiCaller caller, UUID check) {
        return tx.run(c -> resume(c, caller, check.toString()));
    }

    private JsonObject resume(Connection c, ApiCaller caller, String ref) throws SQLException {
        CheckStore store = new CheckStore(c);
        CheckRow row = CheckLookup.find(store, caller, ref, true, false);
        if (!"paused".equals(row.status())) {
            throw ApiException.conflictText("check is not paused");
        }
        return resume(c, caller, store, row);
    }

    private JsonObject resume(Connection c, ApiCaller caller, CheckStore store, CheckRow row) throws SQLException {
        store.recordSilentFlip(row.id(), "paused", "new");
        store.save(CheckEdits.resumed(row), null);
        return json(store.find(row.id()).orElseThrow(), caller, Instant.now(), new DependencyStore(c).of(row.id()));
    }

    public JsonObject delete(String key, String ref) {
        return delete(c -> ApiAuth.authenticate(c, key, true), ref);
    }

    /** Deletes a check as {@link #delete(String, String)} does, for a caller the web pages let write. */
    public JsonObject delete(ApiCaller caller, UUID check) {
        return delete(c -> caller, check.toString());
    }

    private JsonObject delete(Transactions.Work<ApiCaller> callerOf, String ref) {
        UUID[] deleted = new UUID[1];
        JsonObject shown = tx.run(c -> {
            ApiCaller caller = callerOf.run(c);
            CheckRow row = CheckLookup.find(new CheckStore(c), caller, ref, true, false);
            deleted[0] = row.id();
            return delete(c, caller, row);
        });
        deleter.deleteStoredBodies(deleted[0]); // only once the rows are gone for good
        return shown;
    }

    private JsonObject delete(Connection c, ApiCaller caller, CheckRow row) throws SQLException {
        List<UUID> dependsOn = new DependencyStore(c).of(row.id());
        deleter.delete(c, row.id());
        return json(row, caller, Instant.now(), dependsOn);
    }

    /** Edits of one check each, as the single calls make them, inside the one transaction of {@link #inOne}. */
    public final class Batch {

        private final Connection c;
        private final ApiCaller caller;
        private final List<UUID> deleted = new ArrayList<>();

        private Batch(Connection c, ApiCaller caller) {
            this.c = c;
            this.caller = caller;
        }

        public void pause(UUID check) throws SQLException {
            ChecksService.this.pause(c, caller, check.toString());
        }

        /** Resumes the check when it is paused; any other check is left as it is. */
        public void resumeIfPaused(UUID check) throws SQLException {
            CheckStore store = new CheckStore(c);
            CheckRow row = CheckLookup.find(store, caller, check.toString(), true, false);
            if ("paused".equals(row.status())) {
                ChecksService.this.resume(c, caller, store, row);
            }
        }

        public void update(UUID check, JsonObject body) throws SQLException {
            ChecksService.this.update(c, caller, check.toString(), body);
        }

        public void delete(UUID check) throws SQLException {
            ChecksService.this.delete(c, caller, CheckLookup.find(new CheckStore(c), caller, check.toString(), true,
                    false));
            deleted.add(check);
        }
    }

    /** Work on a {@link Batch}. */
    @FunctionalInterface
    public interface BatchWork {
        void run(Batch batch) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, for the web pages' bulk form: every check changes, or (when one edit
     * fails) none does. Deleted checks' stored bodies go after the commit, as for a single delete.
     */
    public void inOne(ApiCaller caller, BatchWork work) {
        List<UUID> deleted = tx.run(c -> {
            Batch batch = new Batch(c, caller); // a fresh one per attempt: a retried transaction starts over
            work.run(batch);
            return batch.deleted;
        });
        deleted.forEach(deleter::deleteStoredBodies);
    }

    /**
     * A copy of a check in its project (Healthchecks' "copy"): its settings and channels under a new UUID, named
     * "… (copy)", as new; the owner's check limit applies as to a create.
     */
    public CheckRow copy(ApiCaller caller, UUID check) {
        return tx.run(c -> {
            CheckStore store = new CheckStore(c);
            CheckRow original = CheckLookup.find(store, caller, check.toString(), false, false);
            if (store.lockProjectAndCountRoom(caller.projectId()) <= 0) {
                throw ApiException.forbidden("check limit reached");
            }
            CheckRow copy = CheckCopies.of(original, store.insert(caller.projectId()));
            store.save(copy, CheckEdits.alertAfter(copy));
            store.setChannels(copy.id(), original.channels());
            return store.find(copy.id()).orElseThrow();
        });
    }

    /**
     * Moves a check to {@code target}, another project, in which the caller (the page) has checked that the user
     * may add checks (Healthchecks' "transfer"): its pings and history go with it; it is given every channel of the
     * target project, as Healthchecks does; its dependencies and the windows scoped to it stay behind, since they
     * belong to the old project. The target owner's check limit applies as to a create. Its UUID ping URL keeps
     * working, and its slug URL becomes the target's (the target's ping key): so a slug the target already uses is
     * refused, as the two checks would make that slug URL ambiguous (409) for both.
     */
    public CheckRow transfer(ApiCaller caller, UUID check, UUID target) {
        return tx.run(c -> {
            CheckStore store = new CheckStore(c);
            CheckRow row = CheckLookup.find(store, caller, check.toString(), true, false);
            if (row.projectId().equals(target)) {
                throw ApiException.badRequest("the check is already in that project");
            }
            if (store.lockProjectAndCountRoom(target) <= 0) {
                throw ApiException.forbidden("check limit reached in that project");
            }
            String slug = row.slug();
            if (slug != null && !slug.isEmpty()
                    && store.list(target).stream().anyMatch(other -> slug.equals(other.slug()))) {
                throw ApiException.status(409, new ProjectStore(c).name(target).orElse("That project")
                        + " already has a check with the slug '" + slug + "': change one of the slugs first");
            }
            new DependencyStore(c).detach(row.id());
            new WindowStore(c).deleteForCheck(row.id());
            store.moveTo(row.id(), target);
            store.setChannels(row.id(), store.channels(target).stream().map(ChannelRow::id).toList());
            return store.find(row.id()).orElseThrow();
        });
    }

    private JsonObject save(Connection c, CheckStore store, CheckRow row, CheckFields fields, String dependsOn,
            ApiCaller caller) throws SQLException {
        CheckRow changed = CheckEdits.apply(row, fields);
        store.save(changed, CheckEdits.alertAfter(changed));
        if (fields.channels() != null) {
            store.setChannels(row.id(), ChannelRefs.resolve(fields.channels(), store.channels(caller.projectId())));
        }
        DependencyStore dependencies = new DependencyStore(c);
        if (dependsOn != null) {
            dependencies.lockProject(caller.projectId());
            dependencies.set(row.id(), DependsOn.resolve(dependsOn, row.id(), store.list(caller.projectId()),
                    dependencies.graph(caller.projectId())));
        }
        return json(store.find(row.id()).orElseThrow(), caller, Instant.now(), dependencies.of(row.id()));
    }

    private JsonObject json(CheckRow row, ApiCaller caller, Instant now, List<UUID> dependsOn) {
        JsonObject json = CheckJson.of(row, row.statusAt(now), caller.readOnly(), new ApiUrls(siteRoot));
        if (dependsOn.isEmpty() || caller.readOnly()) { // a Vigil extension, shown when set, with the UUIDs
            return json;
        }
        return JsonBuilders.object(json).add(DependsOn.FIELD, dependsOn.stream().map(UUID::toString).sorted()
                .collect(Collectors.joining(","))).build();
    }

    /** The key from the X-Api-Key header, else from the body's api_key field (Healthchecks accepts both). */
    static String keyOf(String headerKey, JsonObject body) {
        if (headerKey != null) {
            return headerKey;
        }
        return body.get("api_key") instanceof JsonString s ? s.getString() : null;
    }

    private static CheckFields withChannels(CheckFields f, String channels) {
        return new CheckFields(f.name(), f.slug(), f.tags(), f.desc(), f.timeout(), f.grace(), f.schedule(), f.tz(),
                f.manualResume(), f.methods(), channels, f.unique(), f.alertAfterFailures(), f.startDeadline(),
                f.keywords());
    }
}
