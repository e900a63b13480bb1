package dev.vigil.app.notify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each HTTP-based channel kind against a real HTTP server on loopback standing in for the service: method, path,
 * headers and the exact body the service's documentation specifies.
 */
class ChannelsIT {

    static final UUID CHECK = UUID.fromString("7f3c1a2e-0000-4000-8000-000000000001");
    static final String URL = "https://vigil.example/checks/" + CHECK + "/details/";
    static final Alert DOWN = new Alert(CHECK, "Nightly \"backup\"", "nightly-backup", "prod db", "Backups", "up",
            "down", "timeout", Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T01:30:02.5Z"),
            new Alert.LastPing(41, Instant.parse("2026-03-28T01:30:05Z"), "success", 0, "10.0.0.7", "all good"),
            URL, false);
    static final String FACTS = "Project: Backups\nTags: prod db\nStatus changed: 2026-03-29 01:30:00 UTC\n"
            + "Last ping: 2026-03-28 01:30:05 UTC (#41, success, exit status 0 from 10.0.0.7)";

    private static HttpReceiver receiver;
    private static ChannelContext context;

    @BeforeAll
    static void start() {
        receiver = new HttpReceiver();
        String base = receiver.url("");
        context = new ChannelContext("https://vigil.example", new OutgoingHttp(Duration.ofSeconds(5), true), null,
                new ServiceEndpoints(base + "/pushover", "aTokenOfThirtyLettersAndDigits", base + "/telegram",
                        "123456:bot-token"));
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    /** The receiver is on loopback: as VIGIL_ALLOW_PRIVATE_ADDRESSES=true. */
    private static final AddressGuard LOOPBACK_ALLOWED = new AddressGuard(true);

    @BeforeEach
    void clear() {
        receiver.clear();
        receiver.answer(r -> HttpReceiver.Answer.OK);
    }

    private static HttpReceiver.Request send(Channel channel, String settings, Alert alert) {
        JsonObject parsed = ChannelKinds.builtIn().validate(channel.kind(), settings, LOOPBACK_ALLOWED);
        SendResult result = channel.send(alert, new ChannelConfig(UUID.randomUUID(), channel.kind(), "", parsed,
                UUID.randomUUID()), context);
        assertThat(result).isEqualTo(SendResult.sent());
        List<HttpReceiver.Request> got = receiver.requests();
        assertThat(got).hasSize(1);
        return got.get(0);
    }

    private static String json(String body) {
        return Json.createReader(new StringReader(body)).readValue().toString();
    }

    @Test
    void webhookExpandsPlaceholdersEscapedForWhereTheyLand() {
        String settings = "{\"down\": {\"method\": \"PUT\", \"url\": \"" + receiver.url("/hook/$SLUG?name=$NAME&s=$STATUS")
                + "\", \"headers\": {\"Content-Type\": \"application/json\", \"X-Check\": \"$CODE\"},"
                + " \"body\": \"{\\\"name\\\": \\\"$NAME\\\", \\\"tags\\\": \\\"$TAGS\\\", \\\"at\\\": \\\"$NOW\\\", \\\"check\\\": $JSON}\"},"
                + " \"up\": {\"url\": \"" + receiver.url("/up") + "\"}}";
        HttpReceiver.Request r = send(new WebhookChannel(), settings, DOWN);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.pathAndQuery()).isEqualTo("/hook/nightly-backup?name=Nightly%20%22backup%22&s=down");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Check")).isEqualTo(CHECK.toString());
        assertThat(r.body()).isEqualTo("{\"name\": \"Nightly \\\"backup\\\"\", \"tags\": \"prod db\", "
                + "\"at\": \"2026-03-29T01:30:02Z\", \"check\": {\"uuid\":\"" + CHECK + "\",\"name\":\"Nightly "
                + "\\\"backup\\\"\",\"slug\":\"nightly-backup\",\"tags\":\"prod db\",\"project\":\"Backups\","
                + "\"status\":\"down\",\"old_status\":\"up\",\"reason\":\"timeout\",\"changed\":"
                + "\"2026-03-29T01:30:00Z\",\"url\":\"" + URL + "\",\"test\":false,\"last_ping\":"
                + "\"2026-03-28T01:30:05Z\"}}");
    }

    @Test
    void webhookAnswering410IsGoneAnd429IsRetriedAfterItsRetryAfter() {
        String settings = "{\"down\": {\"url\": \"" + receiver.url("/h") + "\", \"body\": \"$NAME\"}}";
        ChannelConfig config = new ChannelConfig(UUID.randomUUID(), "webhook", "",
                ChannelKinds.builtIn().validate("webhook", settings, LOOPBACK_ALLOWED), UUID.randomUUID());
        receiver.answer(r -> new HttpReceiver.Answer(410, Map.of(), ""));
        assertThat(new WebhookChannel().send(DOWN, config, context))
                .isEqualTo(new SendResult.Gone("HTTP 410 from " + receiver.url("/h")));
        receiver.answer(r -> new HttpReceiver.Answer(429, Map.of("Retry-After", "7"), "slow down"));
        assertThat(new WebhookChannel().send(DOWN, config, context))
                .isEqualTo(new SendResult.Retry("HTTP 429 from " + receiver.url("/h") + ": slow down",
                        Duration.ofSeconds(7)));
        assertThat(receiver.requests()).extracting(HttpReceiver.Request::body).containsOnly("Nightly \"backup\"");
    }

    @Test
    void privateAddressesAreRefusedUnlessAllowed() {
        ChannelContext strict = new ChannelContext("https://vigil.example", new OutgoingHttp(Duration.ofSeconds(5),
                false), null, context.services());
        String settings = "{\"url\": \"" + receiver.url("/slack") + "\"}";
        SendResult r = new SlackChannel().send(DOWN, new ChannelConfig(UUID.randomUUID(), "slack", "",
                ChannelKinds.builtIn().validate("slack", settings, LOOPBACK_ALLOWED), UUID.randomUUID()), strict);
        assertThat(r).isEqualTo(new SendResult.Failed("refusing to send to 127.0.0.1 (127.0.0.1): a private or "
                + "loopback address (set VIGIL_ALLOW_PRIVATE_ADDRESSES=true to allow it)"));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void slackGetsTextAndAColouredAttachment() {
        HttpReceiver.Request r = send(new SlackChannel(), "{\"url\": \"" + receiver.url("/services/T0/B0/x") + "\"}",
                DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/services/T0/B0/x");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"text\":\":red_circle: <" + URL + "|Nightly \\\"backup\\\"> is DOWN\","
                + "\"attachments\":[{\"color\":\"#c0392b\",\"fallback\":\"Nightly \\\"backup\\\" is DOWN\","
                + "\"text\":\"The check did not receive a ping in time.\",\"fields\":["
                + "{\"title\":\"Project\",\"value\":\"Backups\",\"short\":false},"
                + "{\"title\":\"Tags\",\"value\":\"prod db\",\"short\":false},"
                + "{\"title\":\"Status changed\",\"value\":\"2026-03-29 01:30:00 UTC\",\"short\":false},"
                + "{\"title\":\"Last ping\",\"value\":\"2026-03-28 01:30:05 UTC (#41, success, exit status 0 from "
                + "10.0.0.7)\",\"short\":false}]}]}");
    }

    @Test
    void mattermostGetsTheSlackCompatibleMessage() {
        HttpReceiver.Request r = send(new MattermostChannel(), "{\"url\": \"" + receiver.url("/hooks/xyz") + "\"}",
                DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/hooks/xyz");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo(SlackChannel.slackPayload(DOWN).toString());
        assertThat(r.body()).startsWith("{\"text\":\":red_circle: <" + URL + "|Nightly \\\"backup\\\"> is DOWN\",");
    }

    @Test
    void googleChatGetsATextMessageInItsMarkup() {
        HttpReceiver.Request r = send(new GoogleChatChannel(), "{\"url\": \""
                + receiver.url("/v1/spaces/AAA/messages?key=k&token=t") + "\"}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/v1/spaces/AAA/messages?key=k&token=t");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(json(r.body())).isEqualTo(Json.createObjectBuilder().add("text", "\uD83D\uDD34 *<" + URL
                + "|Nightly \"backup\"> is DOWN*\nThe check did not receive a ping in time.\n" + FACTS).build()
                .toString());
    }

    @Test
    void gotifyPostsAMessageWithTheTokenInAHeader() {
        HttpReceiver.Request r = send(new GotifyChannel(), "{\"server\": \"" + receiver.url("/gotify") + "\", "
                + "\"token\": \"AbC.123_x\", \"priority_down\": 9}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/gotify/message");
        assertThat(r.header("X-Gotify-Key")).isEqualTo("AbC.123_x");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"title\":\"Nightly \\\"backup\\\" is DOWN\",\"message\":"
                + "\"The check did not receive a ping in time.\\n" + FACTS.replace("\n", "\\n") + "\",\"priority\":9,"
                + "\"extras\":{\"client::notification\":{\"click\":{\"url\":\"" + URL + "\"}}}}");
    }

    @Test
    void discordGetsAnEmbedWithMentionsOff() {
        HttpReceiver.Request r = send(new DiscordChannel(), "{\"url\": \"" + receiver.url("/api/webhooks/1/t") + "\"}",
                DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/api/webhooks/1/t");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"content\":\"Nightly \\\"backup\\\" is DOWN\",\"allowed_mentions\":"
                + "{\"parse\":[]},\"embeds\":[{\"title\":\"Nightly \\\"backup\\\" is DOWN\",\"url\":\"" + URL + "\","
                + "\"description\":\"The check did not receive a ping in time.\",\"color\":12597547,\"fields\":["
                + "{\"name\":\"Project\",\"value\":\"Backups\",\"inline\":false},"
                + "{\"name\":\"Tags\",\"value\":\"prod db\",\"inline\":false},"
                + "{\"name\":\"Status changed\",\"value\":\"2026-03-29 01:30:00 UTC\",\"inline\":false},"
                + "{\"name\":\"Last ping\",\"value\":\"2026-03-28 01:30:05 UTC (#41, success, exit status 0 from "
                + "10.0.0.7)\",\"inline\":false}]}]}");
    }

    @Test
    void teamsGetsAnAdaptiveCardMessage() {
        HttpReceiver.Request r = send(new TeamsChannel(), "{\"url\": \"" + receiver.url("/workflows/abc") + "\"}",
                DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"type\":\"message\",\"attachments\":[{\"contentType\":"
                + "\"application/vnd.microsoft.card.adaptive\",\"contentUrl\":null,\"content\":{\"$schema\":"
                + "\"http://adaptivecards.io/schemas/adaptive-card.json\",\"type\":\"AdaptiveCard\",\"version\":\"1.4\","
                + "\"body\":[{\"type\":\"TextBlock\",\"text\":\"Nightly \\\"backup\\\" is DOWN\",\"weight\":\"Bolder\","
                + "\"size\":\"Medium\",\"wrap\":true,\"color\":\"Attention\"},{\"type\":\"TextBlock\",\"text\":"
                + "\"The check did not receive a ping in time.\",\"wrap\":true},{\"type\":\"FactSet\",\"facts\":["
                + "{\"title\":\"Project\",\"value\":\"Backups\"},{\"title\":\"Tags\",\"value\":\"prod db\"},"
                + "{\"title\":\"Status changed\",\"value\":\"2026-03-29 01:30:00 UTC\"},{\"title\":\"Last ping\","
                + "\"value\":\"2026-03-28 01:30:05 UTC (#41, success, exit status 0 from 10.0.0.7)\"}]}],"
                + "\"actions\":[{\"type\":\"Action.OpenUrl\",\"title\":\"View in Vigil\",\"url\":\"" + URL + "\"}]}}]}");
    }

    @Test
    void ntfyPublishesJsonWithPriorityAndToken() {
        HttpReceiver.Request r = send(new NtfyChannel(), "{\"server\": \"" + receiver.url("") + "\", \"topic\": "
                + "\"vigil-alerts\", \"priority_down\": 4, \"token\": \"tk_secret\"}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/");
        assertThat(r.header("Authorization")).isEqualTo("Bearer tk_secret");
        assertThat(r.body()).isEqualTo("{\"topic\":\"vigil-alerts\",\"title\":\"Nightly \\\"backup\\\" is DOWN\","
                + "\"message\":\"The check did not receive a ping in time.\\n" + FACTS.replace("\n", "\\n") + "\","
                + "\"priority\":4,\"tags\":[\"red_circle\"],\"click\":\"" + URL + "\"}");
    }

    @Test
    void pushoverPostsTheDocumentedFormWithEmergencyRetry() {
        HttpReceiver.Request r = send(new PushoverChannel(), "{\"user_key\": \"uQiRzpo4DXghDmr9QzzfQu27cmVRsG\", "
                + "\"priority_down\": 2, \"retry\": 60, \"expire\": 600}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/pushover/1/messages.json");
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.body()).isEqualTo("token=aTokenOfThirtyLettersAndDigits&user=uQiRzpo4DXghDmr9QzzfQu27cmVRsG"
                + "&title=Nightly+%22backup%22+is+DOWN&message=The+check+did+not+receive+a+ping+in+time.%0A"
                + "Project%3A+Backups%0ATags%3A+prod+db%0AStatus+changed%3A+2026-03-29+01%3A30%3A00+UTC%0A"
                + "Last+ping%3A+2026-03-28+01%3A30%3A05+UTC+%28%2341%2C+success%2C+exit+status+0+from+10.0.0.7%29"
                + "&priority=2&retry=60&expire=600&url=https%3A%2F%2Fvigil.example%2Fchecks%2F" + CHECK
                + "%2Fdetails%2F&url_title=View+in+Vigil");
    }

    @Test
    void telegramSendsAnHtmlMessageThroughTheBot() {
        HttpReceiver.Request r = send(new TelegramChannel(), "{\"chat_id\": -1001234567890, \"thread_id\": 7}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/telegram/bot123456:bot-token/sendMessage");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"chat_id\":\"-1001234567890\",\"text\":\"\uD83D\uDD34 <a href=\\\"" + URL
                + "\\\">Nightly &quot;backup&quot;</a> is <b>DOWN</b>\\nThe check did not receive a ping in time."
                + "\\n<b>Project:</b> Backups\\n<b>Tags:</b> prod db\\n<b>Status changed:</b> 2026-03-29 01:30:00 UTC"
                + "\\n<b>Last ping:</b> 2026-03-28 01:30:05 UTC (#41, success, exit status 0 from 10.0.0.7)\","
                + "\"parse_mode\":\"HTML\",\"link_preview_options\":{\"is_disabled\":true},\"message_thread_id\":7}");
        assertThat(json(r.body())).isEqualTo(r.body());
    }
}
