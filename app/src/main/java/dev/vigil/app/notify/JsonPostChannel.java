package dev.vigil.app.notify;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Map;

/**
 * A kind whose settings are one webhook URL ({@code {"url": "https://..."}}) that takes a JSON document: the kinds
 * differ only in the document.
 */
public abstract class JsonPostChannel implements Channel {

    @Override
    public void validate(JsonObject settings) {
        new SettingsReader(settings).url("url");
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        return Map.of("url", new SettingsReader(settings).url("url"));
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        return context.http().postJson(new SettingsReader(channel.settings()).url("url"), payload(alert));
    }

    /** The JSON document the service's webhook documentation specifies. */
    protected abstract JsonObject payload(Alert alert);
}
