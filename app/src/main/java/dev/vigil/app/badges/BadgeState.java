package dev.vigil.app.badges;

import java.util.Collection;

/** What a badge shows for a set of checks: down if any is down, late if any is late (three-state badges only). */
public enum BadgeState {
    UP("up", "#4c1", "success"), LATE("late", "#fe7d37", "important"), DOWN("down", "#e05d44", "critical");

    private final String word;
    private final String svgColour;
    private final String shieldsColour;

    BadgeState(String word, String svgColour, String shieldsColour) {
        this.word = word;
        this.svgColour = svgColour;
        this.shieldsColour = shieldsColour;
    }

    /** @param statuses the API statuses (new, up, grace, down, paused) of the checks */
    public static BadgeState of(Collection<String> statuses, boolean threeState) {
        if (statuses.contains("down")) {
            return DOWN;
        }
        return threeState && statuses.contains("grace") ? LATE : UP;
    }

    public String word() {
        return word;
    }

    public String svgColour() {
        return svgColour;
    }

    public String shieldsColour() {
        return shieldsColour;
    }
}
