package dev.vigil.app.api;

import dev.vigil.app.JsonBuilders;
import dev.vigil.app.db.Transactions;
import dev.vigil.app.alerts.AlertConfig;
import dev.vigil.app.alerts.ChannelTester;
import dev.vigil.app.db.VigilDataSource;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.ChannelSettingsException;
import dev.vigil.app.notify.SendResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * Vigil's extension of the v3 API: channels managed as code (create, update, delete, send a test notification).
 * Settings are validated by the channel kind itself ({@link ChannelKinds#validate}); read-write keys only.
 */
@ApplicationScoped
public class ChannelsService {

    private static final int MAX_NAME = 100;

    @Inject
    Transactions tx;

    @Resource(lookup = VigilDataSource.JNDI_NAME)
    DataSource dataSource;

    private final ChannelKinds kinds = ChannelKinds.builtIn();

    public JsonObject create(String headerKey, JsonObject body) {
        return create(body, c -> ApiAuth.authenticate(c, ChecksService.keyOf(headerKey, body), true));
    }

    /** Creates a channel as {@link #create(String, JsonObject)} does, for a caller the web pages let write. */
    public JsonObject create(ApiCaller caller, JsonObject body) {
        return create(body, c -> caller);
    }

    private JsonObject create(JsonObject body, Caller who) {
        String kind = string(body, "kind").orElseThrow(() -> ApiException.invalid("kind", "is missing"));
        String name = string(body, "name").orElse("");
        JsonObject settings = settings(kind, body.get("settings"));
        return tx.run(c -> {
            ApiCaller caller = who.of(c);
            UUID id = UUID.randomUUID();
            new ChannelStore(c).insert(id, caller.projectId(), kind, name, settings.toString());
            return load(c, id, caller);
        });
    }

    public JsonObject update(String headerKey, String ref, JsonObject body) {
        return update(channelId(ref), body, c -> ApiAuth.authenticate(c, ChecksService.keyOf(headerKey, body), true));
    }

    /** Updates a channel as {@link #update(String, String, JsonObject)} does, for a caller the web pages let write. */
    public JsonObject update(ApiCaller caller, UUID id, JsonObject body) {
        return update(id, body, c -> caller);
    }

    private JsonObject update(UUID id, JsonObject body, Caller who) {
        return tx.run(c -> {
            ApiCaller caller = who.of(c);
            JsonObject current = load(c, id, caller);
            String name = string(body, "name").orElse(current.getString("name"));
            JsonObject settings = body.containsKey("settings")
                    ? settings(current.getString("kind"), body.get("settings")) : current.getJsonObject("settings");
            boolean disabled = body.containsKey("disabled") ? bool(body, "disabled") : current.getBoolean("disabled");
            new ChannelStore(c).update(id, name, settings.toString(), disabled);
            return load(c, id, caller);
        });
    }

    public JsonObject delete(String headerKey, String ref) {
        return delete(channelId(ref), c -> ApiAuth.authenticate(c, headerKey, true));
    }

    /** Deletes a channel as {@link #delete(String, String)} does, for a caller the web pages let write. */
    public JsonObject delete(ApiCaller caller, UUID id) {
        return delete(id, c -> caller);
    }

    private JsonObject delete(UUID id, Caller who) {
        return tx.run(c -> {
            ApiCaller caller = who.of(c);
            JsonObject shown = load(c, id, caller);
            new ChannelStore(c).delete(id);
            return shown;
        });
    }

    /** A channel of the project as the API shows it (id, name, kind, settings, disabled), for the web pages. */
    public JsonObject find(UUID project, UUID id) {
        return tx.run(c -> load(c, id, new ApiCaller(project, true)));
    }

    /** The project's channels with their last deliveries and tests, for the web pages. */
    public java.util.List<ChannelSummary> summaries(UUID project) {
        return tx.run(c -> new ChannelStore(c).summaries(project));
    }

    /**
     * Sends a test notification through a channel of the caller's project, as the API's test does, and keeps how
     * it ended on the channel (the integrations page shows it).
     *
     * @throws ApiException 404 when the project has no such channel
     */
    public SendResult sendTest(ApiCaller caller, UUID id) {
        tx.run(c -> load(c, id, caller));
        SendResult result;
        try {
            result = new ChannelTester(dataSource, kinds, new AlertConfig(ConfigProvider.getConfig()).channels())
                    .sendTest(id);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound();
        } catch (SQLException e) {
            throw ApiException.status(503, "database unavailable");
        }
        String error = errorOf(result);
        tx.run(c -> {
            new ChannelStore(c).recordTest(id, error == null ? "sent" : "failed", error == null ? "" : error);
            return null;
        });
        return result;
    }

    /** What went wrong in a delivery, or null when it was sent. */
    public static String errorOf(SendResult result) {
        if (result instanceof SendResult.Retry r) {
            return r.error();
        } else if (result instanceof SendResult.Failed f) {
            return f.error();
        } else if (result instanceof SendResult.Gone g) {
            return g.error();
        }
        return null;
    }

    /** Who the caller is, found on the transaction's connection (an API key) or known already (a web page). */
    @FunctionalInterface
    private interface Caller {
        ApiCaller of(Connection c) throws SQLException;
    }

    /** Sends a test notification now, outside the alert queue: the answer says whether the channel took it. */
    public JsonObject test(String headerKey, String ref) {
        UUID id = channelId(ref);
        ApiCaller caller = tx.run(c -> ApiAuth.authenticate(c, headerKey, true));
        String error = errorOf(sendTest(caller, id));
        if (error != null) {
            throw ApiException.status(502, "the test notification was not delivered: " + error);
        }
        return JsonBuilders.object().add("result", "sent").build();
    }

    private JsonObject settings(String kind, JsonValue value) {
        if (value == null) {
            throw ApiException.invalid("settings", "is missing");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalid("settings", "is not an object");
        }
        try {
            return kinds.validate(kind, value.toString(), new AlertConfig(ConfigProvider.getConfig()).addressGuard());
        } catch (ChannelSettingsException e) {
            throw ApiException.badRequest("invalid channel: " + e.getMessage());
        }
    }

    private static JsonObject load(Connection c, UUID id, ApiCaller caller) throws SQLException {
        ChannelStore.StoredChannel ch = new ChannelStore(c).find(id, caller.projectId())
                .orElseThrow(ApiException::notFound);
        JsonObjectBuilder b = JsonBuilders.object()
                .add("id", ch.id().toString())
                .add("name", ch.name())
                .add("kind", ch.kind())
                .add("settings", Json.createReader(new java.io.StringReader(ch.settings())).readObject())
                .add("disabled", ch.disabled());
        if (!ch.disabledReason().isEmpty()) {
            b.add("disabled_reason", ch.disabledReason());
        }
        return b.build();
    }

    private static UUID channelId(String ref) {
        try {
            return UUID.fromString(ref);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }

    private static Optional<String> string(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.invalid(field, "is not a string");
        }
        if (s.getString().length() > MAX_NAME) {
            throw ApiException.invalid(field, "is too long (at most " + MAX_NAME + " characters)");
        }
        return Optional.of(s.getString());
    }

    private static boolean bool(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v != JsonValue.TRUE && v != JsonValue.FALSE) {
            throw ApiException.invalid(field, "is not a boolean");
        }
        return v == JsonValue.TRUE;
    }
}
