package dev.vigil.app.notify;

/**
 * What channels share, from the server's configuration.
 *
 * @param siteRoot the public address of the site, for links, without a trailing slash
 * @param http     the one way out for HTTP-based channels (timeouts, address guard)
 * @param mail     the SMTP relay for email channels
 * @param services API addresses and server-wide tokens of the hosted services (Pushover, Telegram)
 */
public record ChannelContext(String siteRoot, OutgoingHttp http, MailRelay mail, ServiceEndpoints services) {
}
