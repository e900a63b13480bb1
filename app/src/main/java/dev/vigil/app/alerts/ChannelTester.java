package dev.vigil.app.alerts;

import dev.vigil.app.db.Columns;
import dev.vigil.app.notify.Alert;
import dev.vigil.app.notify.Channel;
import dev.vigil.app.notify.ChannelConfig;
import dev.vigil.app.notify.ChannelContext;
import dev.vigil.app.notify.ChannelKinds;
import dev.vigil.app.notify.SendResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * "Send a test notification" (the management API's entry point): one attempt through one channel, right now, with
 * an alert marked as a test. The result is returned, not recorded, and a 410 does not disable the channel: the user
 * sees the answer and fixes the settings.
 */
public final class ChannelTester {

    private static final String CHANNEL = "SELECT ch.kind, ch.name, ch.settings::text AS settings, "
            + "ch.unsubscribe_token, p.name AS project_name"
            + " FROM channels ch JOIN projects p ON p.id = ch.project_id WHERE ch.id = ?";

    private final DataSource dataSource;
    private final ChannelKinds kinds;
    private final ChannelContext context;

    public ChannelTester(DataSource dataSource, ChannelKinds kinds, ChannelContext context) {
        this.dataSource = dataSource;
        this.kinds = kinds;
        this.context = context;
    }

    /**
     * @throws NoSuchElementException when there is no such channel
     */
    public SendResult sendTest(UUID channelId) throws SQLException {
        ChannelConfig config;
        String project;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(CHANNEL)) {
            st.setObject(1, channelId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no channel " + channelId);
                }
                config = new ChannelConfig(channelId, rs.getString("kind"), rs.getString("name"),
                        NotificationQueue.parse(rs.getString("settings")), Columns.uuid(rs, "unsubscribe_token"));
                project = rs.getString("project_name");
            }
        }
        Channel channel = kinds.get(config.kind()).orElse(null);
        if (channel == null) {
            return new SendResult.Failed("this server has no channel kind \"" + config.kind() + "\"");
        }
        Instant now = Instant.now();
        UUID sample = new UUID(0, 0);
        Alert alert = new Alert(sample, "Test notification", "test-notification", "", project, "up", "down", "",
                now, now, null, context.siteRoot() + "/", true);
        try {
            return channel.send(alert, config, context);
        } catch (RuntimeException e) {
            return new SendResult.Failed("error while sending: " + e.getMessage());
        }
    }
}
