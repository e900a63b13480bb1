package dev.vigil.app.notify;

import jakarta.json.JsonObject;

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
     * One delivery attempt. Failures of the receiving end are results, not exceptions; an exception means a bug or
     * unusable stored settings, and is recorded as a failed attempt.
     */
    SendResult send(Alert alert, ChannelConfig channel, ChannelContext context);
}
