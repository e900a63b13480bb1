package dev.vigil.app.notify;

import dev.vigil.app.JsonBuilders;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A Matrix room, written to by an account of the user's
 * ({@code {"homeserver": "https://matrix.example.org", "room_id": "!abc:example.org", "access_token": "..."}}):
 * an {@code m.room.message} event sent with the client-server API's
 * {@code PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}}, as plain text and as HTML. The
 * transaction id is made from the check, the status and the time of the change, so a retried delivery is the same
 * transaction and the homeserver does not post it twice. The token goes in the Authorization header.
 */
public final class MatrixChannel implements Channel {

    @Override
    public String kind() {
        return "matrix";
    }

    @Override
    public void validate(JsonObject settings) {
        SettingsReader r = new SettingsReader(settings);
        r.url("homeserver");
        String room = r.required("room_id");
        if (room.startsWith("#")) {
            throw r.invalid("room_id", "must be the room's ID (\"!...:server\", in the room's advanced settings), "
                    + "not an alias");
        }
        if (!room.matches("![^\\s:/]+:[^\\s/]+")) {
            throw r.invalid("room_id", "must be a room ID like \"!abc:example.org\"");
        }
        if (!r.required("access_token").matches("[\\x21-\\x7e]{1,512}")) {
            throw r.invalid("access_token", "must be an access token without spaces");
        }
    }

    @Override
    public Map<String, URI> destinations(JsonObject settings) {
        return Map.of("homeserver", new SettingsReader(settings).url("homeserver"));
    }

    @Override
    public SendResult send(Alert alert, ChannelConfig channel, ChannelContext context) {
        SettingsReader r = new SettingsReader(channel.settings());
        String server = r.url("homeserver").toString().replaceAll("/+$", "");
        URI uri = URI.create(server + "/_matrix/client/v3/rooms/" + encode(r.required("room_id"))
                + "/send/m.room.message/" + transactionId(alert));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + r.required("access_token"))
                .PUT(HttpRequest.BodyPublishers.ofString(message(alert).toString()));
        return context.http().send(uri, request, uri.toString());
    }

    static String transactionId(Alert a) {
        return "vigil-" + a.checkId() + "-" + a.newStatus() + "-" + a.flipTime().toEpochMilli() + (a.test() ? "-test-"
                + a.now().toEpochMilli() : "");
    }

    static JsonObject message(Alert a) {
        StringBuilder html = new StringBuilder()
                .append("<b><a href=\"").append(Html.escape(a.checkUrl())).append("\">").append(Html.escape(a.title()))
                .append("</a> is ").append(a.down() ? "DOWN" : "UP").append(a.test() ? " (test)" : "").append("</b>")
                .append("<br>").append(Html.escape(a.explanation()));
        for (AlertFacts.Fact f : AlertFacts.of(a)) {
            html.append("<br><b>").append(Html.escape(f.label())).append(":</b> ").append(Html.escape(f.value()));
        }
        return JsonBuilders.object()
                .add("msgtype", "m.text")
                .add("body", a.headline() + "\n" + AlertFacts.plainText(a) + "\n" + a.checkUrl())
                .add("format", "org.matrix.custom.html")
                .add("formatted_body", html.toString())
                .build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
