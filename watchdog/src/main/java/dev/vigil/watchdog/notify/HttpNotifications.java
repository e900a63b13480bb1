package dev.vigil.watchdog.notify;

import dev.vigil.watchdog.EventLog;
import dev.vigil.watchdog.Notifications;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications over HTTP: the watchdog's own Vigil check (Healthchecks-style ping URL: the URL itself for a
 * heartbeat, {@code /fail} while an alert stands, {@code /log} for a change) and an optional webhook that gets
 * {@code {"text": "..."}} (the shape Slack, Mattermost and most chat hooks accept) for changes and alerts.
 * One try each with a short timeout: the next round sends again anyway.
 */
public final class HttpNotifications implements Notifications {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Optional<URI> check;
    private final Optional<URI> webhook;
    private final EventLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public HttpNotifications(Optional<URI> check, Optional<URI> webhook, EventLog log) {
        check.ifPresent(u -> requireHttp(u, "heartbeat URL"));
        webhook.ifPresent(u -> requireHttp(u, "webhook URL"));
        this.check = check.map(HttpNotifications::withoutTrailingSlash);
        this.webhook = webhook;
        this.log = log;
    }

    private static void requireHttp(URI uri, String what) {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " must be an http(s) URL, not \"" + uri + "\"");
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    @Override
    public void heartbeat(String summary) {
        check.ifPresent(u -> post(u, "text/plain", summary, "heartbeat"));
    }

    @Override
    public void trouble(String summary) {
        check.ifPresent(u -> post(URI.create(u + "/fail"), "text/plain", summary, "heartbeat"));
    }

    @Override
    public void changed(String message) {
        check.ifPresent(u -> post(URI.create(u + "/log"), "text/plain", message, "log ping"));
        toWebhook(message);
    }

    @Override
    public void alert(String message) {
        toWebhook("ALERT: " + message);
    }

    private void toWebhook(String text) {
        webhook.ifPresent(u -> post(u, "application/json", JSON.writeValueAsString(Map.of("text",
                "vigil-watchdog: " + text)), "webhook"));
    }

    private void post(URI uri, String contentType, String body, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", contentType + "; charset=utf-8")
                .header("User-Agent", "vigil-watchdog")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.info(what + " not delivered: " + hostOf(uri) + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            log.info(what + " not delivered to " + hostOf(uri) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ping and webhook URLs carry secrets in their paths: messages name only the host. */
    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
