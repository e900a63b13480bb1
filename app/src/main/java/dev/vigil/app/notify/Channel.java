package dev.vigil.app.notify;

import jakarta.json.JsonObject;

import java.net.URI;
import java.util.Map;

/**
 * One kind of notification channel (email, webhook, Slack, ...). Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/dev.vigil.app.notify.Channel}), so adding a
 * kind is adding a class and its line there. They are stateless: everything they need comes as arguments.
 */
public interface Channel {

    /** The kind as stored in {@code channels.kind}, e.g. "webhook". */
    String kind();

    /**
     * Checks settings given by a user.
     *
     * @throws ChannelSettingsException naming the field that is missing or wrong
     */
    void validate(JsonObject settings);

    /**
     * The addresses of the user's choosing that this channel sends to, by settings field (e.g. "url"), for the
     * {@link AddressGuard} to look at when the channel is created or edited. Empty for kinds that send only to
     * servers the operator configured (the SMTP relay, Pushover, Telegram). Called with validated settings.
     */
    default Map<String, URI> destinations(JsonObject settings) {
        return Map.of();
    }

    /**
     * One delivery attempt. Failures of the receiving end are results, not exceptions; an exception means a bug or
     * unusable stored settings, and is recorded as a failed attempt.
     */
    SendResult send(Alert alert, ChannelConfig channel, ChannelContext context);
}
