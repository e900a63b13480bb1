package dev.vigil.app.notify;

/**
 * Where the hosted services' APIs are, and the server-wide credentials Vigil uses with them. The addresses are
 * settings so that tests (and proxies) can stand in for the real services.
 *
 * @param pushoverApi      e.g. https://api.pushover.net
 * @param pushoverToken    the Pushover application token, or "" when Pushover is not set up
 * @param telegramApi      e.g. https://api.telegram.org
 * @param telegramBotToken the Telegram bot's token, or "" when Telegram is not set up
 * @param pagerDutyApi     PagerDuty's Events API v2, e.g. https://events.pagerduty.com
 * @param opsgenieApi      Opsgenie's Alert API in the US region, e.g. https://api.opsgenie.com
 * @param opsgenieEuApi    the same in the EU region, e.g. https://api.eu.opsgenie.com
 */
public record ServiceEndpoints(String pushoverApi, String pushoverToken, String telegramApi,
        String telegramBotToken, String pagerDutyApi, String opsgenieApi, String opsgenieEuApi) {

    public static final String PUSHOVER_API = "https://api.pushover.net";
    public static final String TELEGRAM_API = "https://api.telegram.org";
    public static final String PAGERDUTY_API = "https://events.pagerduty.com";
    public static final String OPSGENIE_API = "https://api.opsgenie.com";
    public static final String OPSGENIE_EU_API = "https://api.eu.opsgenie.com";

    /** The real services' addresses for the kinds that need no server-wide token. */
    public ServiceEndpoints(String pushoverApi, String pushoverToken, String telegramApi, String telegramBotToken) {
        this(pushoverApi, pushoverToken, telegramApi, telegramBotToken, PAGERDUTY_API, OPSGENIE_API, OPSGENIE_EU_API);
    }

    @Override
    public String toString() {
        return "ServiceEndpoints[" + pushoverApi + ", " + telegramApi + ", " + pagerDutyApi + ", " + opsgenieApi
                + ", " + opsgenieEuApi + "]"; // no tokens
    }
}
