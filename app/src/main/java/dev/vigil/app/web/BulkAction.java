package dev.vigil.app.web;

import java.util.Arrays;
import java.util.Optional;

/** What the dashboard's bulk form does to the selected checks. */
public enum BulkAction {
    PAUSE("pause", "Pause"),
    RESUME("resume", "Resume"),
    DELETE("delete", "Delete…"),
    ADD_CHANNEL("add-channel", "Add the channel"),
    REMOVE_CHANNEL("remove-channel", "Remove the channel");

    private final String param;
    private final String label;

    BulkAction(String param, String label) {
        this.param = param;
        this.label = label;
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    public boolean needsChannel() {
        return this == ADD_CHANNEL || this == REMOVE_CHANNEL;
    }

    static Optional<BulkAction> of(String param) {
        return Arrays.stream(values()).filter(a -> a.param.equals(param)).findFirst();
    }
}
