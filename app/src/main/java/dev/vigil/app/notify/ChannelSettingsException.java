package dev.vigil.app.notify;

/** A channel's settings are unusable; the message names the field and what is wrong with it. */
public class ChannelSettingsException extends IllegalArgumentException {

    public ChannelSettingsException(String message) {
        super(message);
    }
}
