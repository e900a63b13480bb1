package dev.vigil.app.notify;

import jakarta.json.JsonObject;

/**
 * A Mattermost incoming webhook ({@code {"url": "https://chat.example.com/hooks/<key>"}}). Mattermost documents its
 * incoming webhooks as Slack-compatible, text and attachments included, so the message is Slack's; a kind of its
 * own lets users find it by name, as in Healthchecks.
 */
public final class MattermostChannel extends JsonPostChannel {

    @Override
    public String kind() {
        return "mattermost";
    }

    @Override
    protected JsonObject payload(Alert a) {
        return SlackChannel.slackPayload(a);
    }
}
