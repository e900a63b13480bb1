package dev.vigil.app.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The unsubscribe link of Vigil's emails (alerts, reports, reminders): one address per token, answered by
 * {@code alerts/UnsubscribeResource}, and the headers that offer it as a one-click unsubscribe (RFC 8058).
 */
public final class ListUnsubscribe {

    private ListUnsubscribe() {
    }

    public static String url(String siteRoot, UUID token) {
        return siteRoot + "/unsubscribe/" + token;
    }

    /** List-Unsubscribe and List-Unsubscribe-Post, in that order, to which a sender may add its own. */
    public static Map<String, String> headers(String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + url + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }
}
