package dev.vigil.app.alerts;

import dev.vigil.app.notify.Alert;
import dev.vigil.app.notify.ChannelConfig;

import java.util.UUID;

/**
 * A notification this sender holds the lease of, with what its delivery needs.
 *
 * @param claim   the lease holder's token; results are recorded only while it still holds the lease
 * @param attempt this attempt's number, 1-based
 * @param alert   null when the check is gone
 * @param channel null when the channel is gone
 */
record Claimed(long id, String claim, UUID checkId, UUID channelId, int attempt, Alert alert, ChannelConfig channel,
        boolean channelDisabled) {
}
