package dev.vigil.app.badges;

import dev.vigil.app.checks.Status;

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

    /** @param statuses the checks' statuses now */
    public static BadgeState of(Collection<Status> statuses, boolean threeState) {
        if (statuses.contains(Status.DOWN)) {
            return DOWN;
        }
        return threeState && statuses.contains(Status.GRACE) ? LATE : UP;
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
