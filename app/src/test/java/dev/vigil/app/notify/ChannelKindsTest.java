package dev.vigil.app.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The management API's validation entry point: clear errors naming the field, for every kind. */
class ChannelKindsTest {

    private static final ChannelKinds KINDS = ChannelKinds.builtIn();
    private static final AddressGuard GUARD = new AddressGuard(false);

    private static void refused(String kind, String settings, String message) {
        assertThatThrownBy(() -> KINDS.validate(kind, settings, GUARD)).isInstanceOf(ChannelSettingsException.class)
                .hasMessage(message);
    }

    @Test
    void allBuiltInKindsAreFound() {
        assertThat(KINDS.names()).containsExactly("discord", "email", "googlechat", "gotify", "matrix",
                "mattermost", "ntfy", "opsgenie", "pagerduty", "pushover", "slack", "teams", "telegram", "webhook",
                "zulip");
    }

    @Test
    void unknownKindsAndBadJsonAreNamed() {
        refused("fax", "{}", "kind \"fax\" is not a channel kind (known: discord, email, googlechat, gotify, "
                + "matrix, mattermost, ntfy, opsgenie, pagerduty, pushover, slack, teams, telegram, webhook, zulip)");
        refused("email", "[1]", "settings must be a JSON object");
        assertThatThrownBy(() -> KINDS.validate("email", "{\"address\": ", GUARD)).hasMessageStartingWith(
                "settings are not valid JSON: ");
        refused("email", "{\"address\": \"" + "x".repeat(70_000) + "\"}",
                "settings must be a JSON object of at most 65536 characters");
    }

    @Test
    void eachKindNamesTheFieldThatIsWrong() {
        refused("email", "{}", "settings.address is required");
        refused("email", "{\"address\": \"not an address\"}", "settings.address is not a valid email address "
                + "(Local address contains control or whitespace)");
        refused("email", "{\"address\": 5}", "settings.address is not a valid email address (Missing final '@domain')");
        refused("email", "{\"address\": [\"a@b.example\"]}", "settings.address must be a string");
        refused("webhook", "{}", "settings.down.url or settings.up.url is required (a webhook with no URL sends "
                + "nothing)");
        refused("webhook", "{\"down\": {\"url\": \"ftp://x.example/\"}}", "settings.down.url must be an http:// or "
                + "https:// URL");
        refused("webhook", "{\"up\": {\"url\": \"https://x.example/\", \"method\": \"TRACE\"}}",
                "settings.up.method must be one of GET, POST, PUT, PATCH, DELETE (got \"TRACE\")");
        refused("webhook", "{\"up\": {\"url\": \"https://x.example/\", \"headers\": {\"X-A\": \"a\\r\\nB: c\"}}}",
                "settings.up.headers.X-A must not contain line breaks");
        refused("webhook", "{\"up\": {\"url\": \"https://x.example/\", \"headers\": {\"Host\": \"a\"}}}",
                "settings.up.headers.Host cannot be set (the HTTP client sets it)");
        refused("webhook", "{\"down\": \"https://x.example/\"}", "settings.down must be an object");
        refused("slack", "{\"url\": \"https:///nohost\"}", "settings.url has no host name");
        refused("discord", "{}", "settings.url is required");
        refused("gotify", "{\"server\": \"https://gotify.example.com\"}", "settings.token is required");
        refused("gotify", "{\"server\": \"https://gotify.example.com\", \"token\": \"a b\"}",
                "settings.token must be Gotify's application token: letters, digits, '-', '_' or '.'");
        refused("gotify", "{\"server\": \"https://gotify.example.com\", \"token\": \"t\", \"priority_down\": 11}",
                "settings.priority_down must be between 0 and 10 (got 11)");
        refused("mattermost", "{}", "settings.url is required");
        refused("teams", "{\"url\": \"not a url at all\"}", "settings.url is not a valid URL (Illegal character "
                + "in path)");
        refused("ntfy", "{\"topic\": \"a/b\"}", "settings.topic must be 1 to 64 letters, digits, '-' or '_'");
        refused("ntfy", "{\"topic\": \"ab\", \"priority_down\": 9}", "settings.priority_down must be between 1 and 5 "
                + "(got 9)");
        refused("pushover", "{\"user_key\": \"short\"}", "settings.user_key must be the 30 letters and digits of a "
                + "Pushover user or group key");
        refused("pushover", "{\"user_key\": \"uQiRzpo4DXghDmr9QzzfQu27cmVRsG\", \"retry\": 10}",
                "settings.retry must be between 30 and 10800 (got 10)");
        refused("telegram", "{\"chat_id\": \"me\"}", "settings.chat_id must be a numeric chat id or an @channelname");
        refused("telegram", "{\"chat_id\": 1, \"thread_id\": 1.5}", "settings.thread_id must be a whole number");
        refused("pagerduty", "{}", "settings.routing_key is required");
        refused("pagerduty", "{\"routing_key\": \"abc\"}", "settings.routing_key must be the 32 letters and "
                + "digits of an Events API v2 integration key");
        refused("pagerduty", "{\"routing_key\": \"" + "a".repeat(32) + "\", \"severity\": \"panic\"}",
                "settings.severity must be one of critical, error, warning, info (got \"panic\")");
        refused("opsgenie", "{\"api_key\": \"k e y\"}", "settings.api_key must be an Opsgenie API integration key "
                + "(letters, digits and '-')");
        refused("opsgenie", "{\"api_key\": \"0123456789abcdef\", \"region\": \"asia\"}",
                "settings.region must be one of us, eu (got \"asia\")");
        refused("opsgenie", "{\"api_key\": \"0123456789abcdef\", \"priority\": \"P0\"}",
                "settings.priority must be one of P3, P1, P2, P4, P5 (got \"P0\")");
        refused("matrix", "{\"homeserver\": \"https://matrix.example.org\", \"room_id\": \"#ops:example.org\"}",
                "settings.room_id must be the room's ID (\"!...:server\", in the room's advanced settings), not an alias");
        refused("matrix", "{\"homeserver\": \"https://matrix.example.org\", \"room_id\": \"!abc\"}",
                "settings.room_id must be a room ID like \"!abc:example.org\"");
        refused("matrix", "{\"homeserver\": \"https://matrix.example.org\", \"room_id\": \"!abc:example.org\"}",
                "settings.access_token is required");
        refused("zulip", "{\"site\": \"https://z.example.com\", \"bot_email\": \"bot\"}",
                "settings.bot_email must be the bot's email address");
        refused("zulip", "{\"site\": \"https://z.example.com\", \"bot_email\": \"bot@z.example.com\", "
                + "\"api_key\": \"0123456789abcdef\", \"type\": \"stream\"}", "settings.to is required");
        refused("zulip", "{\"site\": \"https://z.example.com\", \"bot_email\": \"bot@z.example.com\", "
                + "\"api_key\": \"0123456789abcdef\", \"type\": \"dm\", \"to\": \"a@b.c\"}",
                "settings.type must be one of stream, private (got \"dm\")");
        refused("webhook", "{\"down\": {\"url\": \"https://x.example/\"}, \"secret\": \"short\"}",
                "settings.secret must be 16 to 256 printable characters without spaces");
    }

    @Test
    void anAddressTheDeliveryGuardRefusesIsRefusedWhenTheChannelIsSaved() {
        String allow = "(set VIGIL_ALLOW_PRIVATE_ADDRESSES=true to allow it)";
        refused("webhook", "{\"down\": {\"url\": \"https://x.example/\"}, \"up\": {\"url\": \"http://127.0.0.1:9/up\"}}",
                "settings.up.url: refusing to send to 127.0.0.1 (127.0.0.1): a private or loopback address " + allow);
        refused("slack", "{\"url\": \"http://10.1.2.3/hook\"}",
                "settings.url: refusing to send to 10.1.2.3 (10.1.2.3): a private or loopback address " + allow);
        refused("ntfy", "{\"topic\": \"ab\", \"server\": \"http://[::1]:8080\"}",
                "settings.server: refusing to send to [::1] (0:0:0:0:0:0:0:1): a private or loopback address " + allow);
        refused("discord", "{\"url\": \"http://localhost/x\"}",
                "settings.url: refusing to send to localhost (127.0.0.1): a private or loopback address " + allow);
        // allowed by the setting; and addresses the operator configured (the SMTP relay) are not the user's to judge
        assertThat(KINDS.validate("slack", "{\"url\": \"http://10.1.2.3/hook\"}", new AddressGuard(true))
                .getString("url")).isEqualTo("http://10.1.2.3/hook");
        assertThat(KINDS.validate("email", "{\"address\": \"ops@localhost\"}", GUARD).getString("address"))
                .isEqualTo("ops@localhost");
    }

    @Test
    void goodSettingsAreReturnedAsParsed() {
        assertThat(KINDS.validate("webhook", "{\"down\": {\"url\": \"https://x.example/$CODE?s=$STATUS\"}}", GUARD)
                .getJsonObject("down").getString("url")).isEqualTo("https://x.example/$CODE?s=$STATUS");
        assertThat(KINDS.validate("telegram", "{\"chat_id\": \"@vigil_alerts\"}", GUARD).getString("chat_id"))
                .isEqualTo("@vigil_alerts");
    }
}
