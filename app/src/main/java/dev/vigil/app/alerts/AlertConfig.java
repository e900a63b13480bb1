package dev.vigil.app.alerts;

import dev.vigil.app.notify.AddressGuard;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.MailRelay;
import dev.vigil.app.notify.OutgoingHttp;
import dev.vigil.app.notify.ServiceEndpoints;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

/** The alert sender's and the channels' settings from MicroProfile Config (docs/configuration.md). */
public final class AlertConfig {

    private final Config config;

    public AlertConfig(Config config) {
        this.config = config;
    }

    public boolean enabled() {
        return config.getOptionalValue("vigil.alerts.enabled", Boolean.class).orElse(true);
    }

    public SenderSettings sender() {
        SenderSettings d = SenderSettings.defaults();
        return new SenderSettings(
                Duration.ofMillis(number("vigil.alerts.poll.ms", d.pollInterval().toMillis())),
                Duration.ofSeconds(number("vigil.alerts.lease.seconds", d.lease().toSeconds())),
                (int) number("vigil.alerts.threads", d.deliveryThreads()),
                (int) number("vigil.alerts.max.attempts", d.maxAttempts()),
                Duration.ofSeconds(number("vigil.alerts.first.retry.seconds", d.firstRetry().toSeconds())),
                d.batch());
    }

    public ChannelContext channels() {
        Duration timeout = Duration.ofSeconds(number("vigil.alerts.timeout.seconds", 10));
        String siteRoot = text("vigil.site.root", "http://localhost:8000").replaceAll("/+$", "");
        MailRelay mail = new MailRelay(new MailRelay.Settings(
                text("vigil.smtp.host", "localhost"),
                (int) number("vigil.smtp.port", 25),
                text("vigil.smtp.user", ""),
                text("vigil.smtp.password", ""),
                config.getOptionalValue("vigil.smtp.starttls", Boolean.class).orElse(false),
                text("vigil.smtp.from", "vigil@localhost"),
                timeout));
        ServiceEndpoints services = new ServiceEndpoints(
                text("vigil.pushover.api", ServiceEndpoints.PUSHOVER_API).replaceAll("/+$", ""),
                text("vigil.pushover.token", ""),
                text("vigil.telegram.api", ServiceEndpoints.TELEGRAM_API).replaceAll("/+$", ""),
                text("vigil.telegram.bot.token", ""),
                text("vigil.pagerduty.api", ServiceEndpoints.PAGERDUTY_API).replaceAll("/+$", ""),
                text("vigil.opsgenie.api", ServiceEndpoints.OPSGENIE_API).replaceAll("/+$", ""),
                text("vigil.opsgenie.eu.api", ServiceEndpoints.OPSGENIE_EU_API).replaceAll("/+$", ""));
        return new ChannelContext(siteRoot, new OutgoingHttp(timeout, allowPrivate()), mail, services);
    }

    /** What the channels may send to: the same rule when a channel is saved as when it sends. */
    public AddressGuard addressGuard() {
        return new AddressGuard(allowPrivate());
    }

    private boolean allowPrivate() {
        return config.getOptionalValue("vigil.allow.private.addresses", Boolean.class).orElse(false);
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).orElse(fallback).strip();
    }

    private long number(String key, long fallback) {
        String value = text(key, "");
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                    + " must be a whole number, not \"" + value + "\"");
        }
    }
}
