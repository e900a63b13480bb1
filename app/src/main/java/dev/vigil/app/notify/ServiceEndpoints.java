package dev.vigil.app.notify;

/**
 * Where the hosted services' APIs are, and the server-wide credentials Vigil uses with them. The addresses are
 * settings so that tests (and proxies) can stand in for the real services.
 *
 * @param pushoverApi      e.g. https://api.pushover.net
 * @param pushoverToken    the Pushover application token, or "" when Pushover is not set up
 * @param telegramApi      e.g. https://api.telegram.org
 * @param telegramBotToken the Telegram bot's token, or "" when Telegram is not set up
 */
public record ServiceEndpoints(String pushoverApi, String pushoverToken, String telegramApi,
        String telegramBotToken) {

    public static final String PUSHOVER_API = "https://api.pushover.net";
    public static final String TELEGRAM_API = "https://api.telegram.org";

    @Override
    public String toString() {
        return "ServiceEndpoints[" + pushoverApi + ", " + telegramApi + "]"; // no tokens
    }
}
