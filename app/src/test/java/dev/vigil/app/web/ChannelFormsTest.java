package dev.vigil.app.web;

import dev.vigil.app.notify.AddressGuard;
import dev.vigil.app.notify.ChannelKinds;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelFormsTest {

    private static final Map<String, String> GOOD = Map.ofEntries(
            Map.entry("email:address", "ops@example.com"),
            Map.entry("webhook:down.url", "https://hooks.example.com/down?c=$CODE"),
            Map.entry("webhook:secret", "0123456789abcdef0123"),
            Map.entry("ntfy:topic", "vigil-alerts"),
            Map.entry("ntfy:priority_down", "4"),
            Map.entry("pushover:user_key", "u".repeat(30)),
            Map.entry("telegram:chat_id", "-100123"),
            Map.entry("gotify:server", "https://gotify.example.com"),
            Map.entry("gotify:token", "AbC.def"),
            Map.entry("pagerduty:routing_key", "a".repeat(32)),
            Map.entry("opsgenie:api_key", "0123-4567-89ab"),
            Map.entry("matrix:homeserver", "https://matrix.example.org"),
            Map.entry("matrix:room_id", "!abc:example.org"),
            Map.entry("matrix:access_token", "syt_token"),
            Map.entry("zulip:site", "https://zulip.example.com"),
            Map.entry("zulip:bot_email", "bot@zulip.example.com"),
            Map.entry("zulip:api_key", "a".repeat(32)),
            Map.entry("zulip:to", "ops"));

    private final ChannelKinds kinds = ChannelKinds.builtIn();

    @Test
    void everyBuiltInKindHasAFormAndEveryFormAKind() {
        assertThat(ChannelForms.all().stream().map(ChannelForms.KindForm::kind).toList())
                .containsExactlyInAnyOrderElementsOf(kinds.names());
    }

    @Test
    void eachFormFilledInBuildsSettingsTheKindAccepts() {
        for (ChannelForms.KindForm form : ChannelForms.all()) {
            Map<String, String> fields = new HashMap<>();
            for (ChannelForms.Field f : form.fields()) {
                String v = GOOD.get(form.kind() + ":" + f.path());
                if (v == null && f.type() == ChannelForms.Type.SECRET_URL) {
                    v = "https://hooks.example.com/services/T0/B0/XYZ";
                }
                if (v == null && f.type() == ChannelForms.Type.CHOICE) {
                    v = f.options().get(f.options().size() - 1);
                }
                if (v != null) {
                    fields.put(f.input(), v);
                }
            }
            JsonObject settings = ChannelForms.settings(form, fields, JsonValue.EMPTY_JSON_OBJECT);
            kinds.validate(form.kind(), settings.toString(), new AddressGuard(true));
        }
    }

    @Test
    void nestedFieldsNumbersAndHeadersBecomeTheirJson() {
        ChannelForms.KindForm webhook = ChannelForms.of("webhook").orElseThrow();
        JsonObject s = ChannelForms.settings(webhook, Map.of("s.down.url", " https://x.example/h ",
                "s.down.headers", "Content-Type: application/json\n\nX-A:  b ", "s.down.body", " {\"a\": 1}",
                "s.up.url", "", "s.up.method", "PUT", "s.down.method", "POST"), JsonValue.EMPTY_JSON_OBJECT);
        assertThat(s.toString()).isEqualTo("{\"down\":{\"method\":\"POST\",\"url\":\"https://x.example/h\",\"headers\":"
                + "{\"Content-Type\":\"application/json\",\"X-A\":\"b\"},\"body\":\" {\\\"a\\\": 1}\"}}");
        assertThat(ChannelForms.values(webhook, s)).containsEntry("s.down.headers",
                "Content-Type: application/json\nX-A: b");
        assertThatThrownBy(() -> ChannelForms.settings(webhook, Map.of("s.down.headers", "nope"),
                JsonValue.EMPTY_JSON_OBJECT)).hasMessageContaining("line 1 is not");

        ChannelForms.KindForm ntfy = ChannelForms.of("ntfy").orElseThrow();
        assertThat(ChannelForms.settings(ntfy, Map.of("s.topic", "t", "s.priority_down", "5", "s.priority_up",
                "high"), JsonValue.EMPTY_JSON_OBJECT).toString())
                .isEqualTo("{\"topic\":\"t\",\"priority_down\":5,\"priority_up\":\"high\"}");
    }

    @Test
    void secretsAreKeptWhenLeftEmptyAndNeverShownInFull() {
        ChannelForms.KindForm gotify = ChannelForms.of("gotify").orElseThrow();
        JsonObject stored = json("{\"server\": \"https://g.example\", \"token\": \"secret-token-0123\"}");
        assertThat(ChannelForms.values(gotify, stored)).containsOnlyKeys("s.server");
        assertThat(ChannelForms.settings(gotify, Map.of("s.server", "https://h.example", "s.token", ""), stored)
                .getString("token")).isEqualTo("secret-token-0123");
        assertThat(ChannelForms.settings(gotify, Map.of("s.server", "https://h.example", "s.token", "new"), stored)
                .getString("token")).isEqualTo("new");
        assertThat(ChannelForms.summary("gotify", stored)).isEqualTo("Server: https://g.example · "
                + "Application token: ••••0123");
        assertThat(ChannelForms.summary("gotify", json("{\"token\": \"short\"}"))).isEqualTo("Application token: ••••");
        assertThat(ChannelForms.summary("slack", json("{\"url\": \"https://hooks.slack.com/services/T/B/secret\"}")))
                .isEqualTo("Incoming webhook URL: hooks.slack.com/••••").doesNotContain("secret");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
