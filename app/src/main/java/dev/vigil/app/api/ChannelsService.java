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
        String kind = string(body, "kind").orElseThrow(() -> ApiException.invalid("kind", "is missing"));
        String name = string(body, "name").orElse("");
        JsonObject settings = settings(kind, body.get("settings"));
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, ChecksService.keyOf(headerKey, body), true);
            UUID id = UUID.randomUUID();
            new ChannelStore(c).insert(id, caller.projectId(), kind, name, settings.toString());
            return load(c, id, caller);
        });
    }

    public JsonObject update(String headerKey, String ref, JsonObject body) {
        UUID id = channelId(ref);
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, ChecksService.keyOf(headerKey, body), true);
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
        UUID id = channelId(ref);
        return tx.run(c -> {
            ApiCaller caller = ApiAuth.authenticate(c, headerKey, true);
            JsonObject shown = load(c, id, caller);
            new ChannelStore(c).delete(id);
            return shown;
        });
    }

    /** Sends a test notification now, outside the alert queue: the answer says whether the channel took it. */
    public JsonObject test(String headerKey, String ref) {
        UUID id = channelId(ref);
        tx.run(c -> load(c, id, ApiAuth.authenticate(c, headerKey, true)));
        SendResult result;
        try {
            result = new ChannelTester(dataSource, kinds, new AlertConfig(ConfigProvider.getConfig()).channels())
                    .sendTest(id);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound();
        } catch (SQLException e) {
            throw ApiException.status(503, "database unavailable");
        }
        String error = null;
        if (result instanceof SendResult.Retry r) {
            error = r.error();
        } else if (result instanceof SendResult.Failed f) {
            error = f.error();
        } else if (result instanceof SendResult.Gone g) {
            error = g.error();
        }
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
