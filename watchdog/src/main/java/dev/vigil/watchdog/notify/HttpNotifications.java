package dev.vigil.watchdog.notify;

import dev.vigil.client.Retry;
import dev.vigil.client.VigilCheck;
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
 * Notifications over HTTP: the watchdog's own Vigil check through the Vigil client (the URL itself for a
 * heartbeat, {@code /fail} while an alert stands, {@code /log} for a change) and an optional webhook that gets
 * {@code {"text": "..."}} (the shape Slack, Mattermost and most chat hooks accept) for changes and alerts.
 * One try each with a short timeout: the next round sends again anyway.
 */
public final class HttpNotifications implements Notifications {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VigilCheck check;
    private final Optional<URI> webhook;
    private final EventLog log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public HttpNotifications(Optional<URI> check, Optional<URI> webhook, EventLog log) {
        check.ifPresent(u -> requireHttp(u, "heartbeat URL"));
        webhook.ifPresent(u -> requireHttp(u, "webhook URL"));
        this.check = check.map(u -> VigilCheck.at(u, Retry.once(), log::info).withTimeout(TIMEOUT))
                .orElse(VigilCheck.none());
        this.webhook = webhook;
        this.log = log;
    }

    private static void requireHttp(URI uri, String what) {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " must be an http(s) URL, not \"" + uri + "\"");
        }
    }

    @Override
    public void heartbeat(String summary) {
        check.success(summary);
    }

    @Override
    public void trouble(String summary) {
        check.fail(summary);
    }

    @Override
    public void changed(String message) {
        check.log(message);
        toWebhook(message);
    }

    @Override
    public void alert(String message) {
        toWebhook("ALERT: " + message);
    }

    private void toWebhook(String text) {
        webhook.ifPresent(u -> post(u, JSON.writeValueAsString(Map.of("text", "vigil-watchdog: " + text))));
    }

    private void post(URI uri, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "vigil-watchdog")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.info("webhook not delivered: " + hostOf(uri) + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            log.info("webhook not delivered to " + hostOf(uri) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Webhook URLs carry secrets in their paths: messages name only the host. */
    private static String hostOf(URI uri) {
        return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
