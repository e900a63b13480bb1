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
                        "123456:bot-token", base + "/pagerduty", base + "/opsgenie", base + "/opsgenie-eu"));
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

    static final Alert UP = new Alert(CHECK, "Nightly \"backup\"", "nightly-backup", "prod db", "Backups", "down",
            "up", "", Instant.parse("2026-03-29T02:00:00Z"), Instant.parse("2026-03-29T02:00:01Z"),
            DOWN.lastPing(), URL, false);
    static final String ROUTING_KEY = "R0ut1ngKeyOfThirtyTwoCharacters0";

    @Test
    void pagerDutyTriggersAndResolvesOneIncidentPerCheck() {
        String settings = "{\"routing_key\": \"" + ROUTING_KEY + "\", \"severity\": \"error\"}";
        HttpReceiver.Request r = send(new PagerDutyChannel(), settings, DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/pagerduty/v2/enqueue");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"routing_key\":\"" + ROUTING_KEY + "\",\"event_action\":\"trigger\","
                + "\"dedup_key\":\"vigil-" + CHECK + "\",\"payload\":{\"summary\":\"Nightly \\\"backup\\\" is DOWN\","
                + "\"source\":\"Vigil\",\"severity\":\"error\",\"timestamp\":\"2026-03-29T01:30:00Z\",\"group\":"
                + "\"Backups\",\"custom_details\":{\"explanation\":\"The check did not receive a ping in time.\","
                + "\"Project\":\"Backups\",\"Tags\":\"prod db\",\"Status changed\":\"2026-03-29 01:30:00 UTC\","
                + "\"Last ping\":\"2026-03-28 01:30:05 UTC (#41, success, exit status 0 from 10.0.0.7)\"}},"
                + "\"client\":\"Vigil\",\"client_url\":\"" + URL + "\",\"links\":[{\"href\":\"" + URL + "\","
                + "\"text\":\"View in Vigil\"}]}");
        receiver.clear();
        HttpReceiver.Request resolve = send(new PagerDutyChannel(), settings, UP);
        assertThat(resolve.body()).isEqualTo("{\"routing_key\":\"" + ROUTING_KEY + "\",\"event_action\":"
                + "\"resolve\",\"dedup_key\":\"vigil-" + CHECK + "\"}");
    }

    @Test
    void pagerDutyRateLimitsAreRetriedAndInvalidEventsGivenUp() {
        ChannelConfig config = new ChannelConfig(UUID.randomUUID(), "pagerduty", "", ChannelKinds.builtIn()
                .validate("pagerduty", "{\"routing_key\": \"" + ROUTING_KEY + "\"}", LOOPBACK_ALLOWED),
                UUID.randomUUID());
        String shown = receiver.url("/pagerduty/v2/enqueue");
        receiver.answer(r -> new HttpReceiver.Answer(429, Map.of("Retry-After", "30"), "{\"status\":\"throttle\"}"));
        assertThat(new PagerDutyChannel().send(DOWN, config, context)).isEqualTo(new SendResult.Retry(
                "HTTP 429 from " + shown + ": {\"status\":\"throttle\"}", Duration.ofSeconds(30)));
        receiver.answer(r -> new HttpReceiver.Answer(400, Map.of(), "{\"status\":\"invalid event\"}"));
        assertThat(new PagerDutyChannel().send(DOWN, config, context)).isEqualTo(new SendResult.Failed(
                "HTTP 400 from " + shown + ": {\"status\":\"invalid event\"}"));
        assertThat(receiver.requests()).extracting(HttpReceiver.Request::body).allMatch(b -> b.contains(ROUTING_KEY));
        assertThat(shown).doesNotContain(ROUTING_KEY);
    }

    @Test
    void opsgenieCreatesAnAliasedAlertAndClosesItByAlias() {
        String settings = "{\"api_key\": \"eb243592-faa2-4ba2-a551q-1afdf565c889\", \"region\": \"eu\", "
                + "\"priority\": \"P2\"}";
        HttpReceiver.Request r = send(new OpsgenieChannel(), settings, DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/opsgenie-eu/v2/alerts");
        assertThat(r.header("Authorization")).isEqualTo("GenieKey eb243592-faa2-4ba2-a551q-1afdf565c889");
        assertThat(r.body()).isEqualTo("{\"message\":\"Nightly \\\"backup\\\" is DOWN\",\"alias\":\"vigil-" + CHECK
                + "\",\"description\":\"The check did not receive a ping in time.\\n" + FACTS.replace("\n", "\\n")
                + "\\n" + URL + "\",\"source\":\"Vigil\",\"tags\":[\"prod\",\"db\"],\"details\":{\"project\":"
                + "\"Backups\",\"url\":\"" + URL + "\"},\"priority\":\"P2\"}");
        receiver.clear();
        HttpReceiver.Request close = send(new OpsgenieChannel(), "{\"api_key\": \"0123456789abcdef\"}", UP);
        assertThat(close.pathAndQuery()).isEqualTo("/opsgenie/v2/alerts/vigil-" + CHECK + "/close?identifierType=alias");
        assertThat(close.body()).isEqualTo("{\"source\":\"Vigil\",\"note\":\"The check received a ping and is up "
                + "again.\"}");
    }

    @Test
    void matrixPutsOneRoomMessagePerChangeUnderAStableTransactionId() {
        String settings = "{\"homeserver\": \"" + receiver.url("/mx/") + "\", \"room_id\": \"!AbC:example.org\", "
                + "\"access_token\": \"syt_secret_token\"}";
        HttpReceiver.Request r = send(new MatrixChannel(), settings, DOWN);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.pathAndQuery()).isEqualTo("/mx/_matrix/client/v3/rooms/%21AbC%3Aexample.org/send/m.room.message/"
                + "vigil-" + CHECK + "-down-" + DOWN.flipTime().toEpochMilli());
        assertThat(r.header("Authorization")).isEqualTo("Bearer syt_secret_token");
        assertThat(r.body()).isEqualTo("{\"msgtype\":\"m.text\",\"body\":\"Nightly \\\"backup\\\" is DOWN\\n"
                + "The check did not receive a ping in time.\\n" + FACTS.replace("\n", "\\n") + "\\n" + URL + "\","
                + "\"format\":\"org.matrix.custom.html\",\"formatted_body\":\"<b><a href=\\\"" + URL + "\\\">Nightly "
                + "&quot;backup&quot;</a> is DOWN</b><br>The check did not receive a ping in time.<br><b>Project:</b> "
                + "Backups<br><b>Tags:</b> prod db<br><b>Status changed:</b> 2026-03-29 01:30:00 UTC<br><b>Last "
                + "ping:</b> 2026-03-28 01:30:05 UTC (#41, success, exit status 0 from 10.0.0.7)\"}");
        receiver.clear();
        assertThat(send(new MatrixChannel(), settings, DOWN).pathAndQuery()).isEqualTo(r.pathAndQuery());
    }

    @Test
    void zulipPostsAFormAsTheBotWithTheCheckAsTopic() {
        HttpReceiver.Request r = send(new ZulipChannel(), "{\"site\": \"" + receiver.url("/zulip") + "\", "
                + "\"bot_email\": \"vigil-bot@z.example.com\", \"api_key\": \"0123456789abcdefXYZ\", "
                + "\"to\": \"ops\"}", DOWN);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.pathAndQuery()).isEqualTo("/zulip/api/v1/messages");
        assertThat(r.header("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                "vigil-bot@z.example.com:0123456789abcdefXYZ".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(java.net.URLDecoder.decode(r.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "type=stream&to=ops&topic=Nightly \"backup\"&content=:red_circle: **[Nightly \"backup\"](" + URL
                + ") is DOWN**\nThe check did not receive a ping in time.\n**Project:** Backups\n**Tags:** prod db\n"
                + "**Status changed:** 2026-03-29 01:30:00 UTC\n**Last ping:** 2026-03-28 01:30:05 UTC \\(\\#41, "
                + "success, exit status 0 from 10.0.0.7\\)");
    }

    @Test
    void aWebhookWithASecretSignsTheTimestampAndTheBody() {
        String secret = "whsec_0123456789abcdef";
        HttpReceiver.Request r = send(new WebhookChannel(), "{\"secret\": \"" + secret + "\", \"down\": {\"url\": \""
                + receiver.url("/signed") + "\", \"body\": \"$NAME is $STATUS\"}}", DOWN);
        long timestamp = Long.parseLong(r.header(WebhookSignature.TIMESTAMP_HEADER));
        assertThat(timestamp).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond());
        assertThat(r.body()).isEqualTo("Nightly \"backup\" is down");
        assertThat(r.header(WebhookSignature.SIGNATURE_HEADER)).isEqualTo(hmac(secret, timestamp + "." + r.body()))
                .isNotEqualTo(hmac(secret, timestamp + "." + r.body() + " "));
        receiver.clear();
        HttpReceiver.Request unsigned = send(new WebhookChannel(), "{\"down\": {\"url\": \"" + receiver.url("/plain")
                + "\"}}", DOWN);
        assertThat(unsigned.header(WebhookSignature.SIGNATURE_HEADER)).isNull();
    }

    /** HMAC-SHA256 as a receiver in another language computes it, independently of WebhookSignature. */
    private static String hmac(String key, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            StringBuilder hex = new StringBuilder("v1=");
            for (byte b : mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
