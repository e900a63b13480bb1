package dev.vigil.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The values one field of a calendar event allows, as a bit set over the field's range, plus systemd's open
 * repetitions: {@code a/r} without an end goes on past the field's maximum (minute 0/25 asks for minute 75 after
 * minute 50), and the search relies on where such a value normalises to. Immutable once built.
 */
final class CalendarValues {

    private final int min;
    private final int max;
    private final long[] bits;
    // Pairs of (start, repetition) for a/r items; for days counted from the end, start counts from the end too.
    private int[] open = new int[0];
    // For days counted from the end: the items as systemd keeps them, (start, stop or -1) pairs in its sort order.
    private int[] items = new int[0];

    private CalendarValues(int min, int max, long[] bits) {
        this.min = min;
        this.max = max;
        this.bits = bits;
    }

    static CalendarValues none(int min, int max) {
        return new CalendarValues(min, max, new long[(max - min) / 64 + 1]);
    }

    static CalendarValues all(int min, int max) {
        CalendarValues values = none(min, max);
        for (int v = min; v <= max; v++) {
            values.set(v);
        }
        return values;
    }

    static CalendarValues of(int min, int max, int... values) {
        CalendarValues set = none(min, max);
        for (int v : values) {
            set.set(v);
        }
        return set;
    }

    /** Only while building: the parser fills a fresh set, then no one changes it. */
    void set(int value) {
        int i = value - min;
        bits[i >> 6] |= 1L << (i & 63);
    }

    /** Only while building: {@code start/repeat} with no end, which systemd keeps repeating past the maximum. */
    void addOpenRepetition(int start, int repeat) {
        open = Arrays.copyOf(open, open.length + 2);
        open[open.length - 2] = start;
        open[open.length - 1] = repeat;
    }

    /** Only while building: one item of a field counted from the end of the month, as systemd sorts them. */
    void addItem(int start, int stop) {
        for (int i = 0; i < items.length; i += 2) {
            if (items[i] == start && items[i + 1] == stop) {
                return;
            }
        }
        int at = 0;
        while (at < items.length && (items[at] < start || (items[at] == start && items[at + 1] < stop))) {
            at += 2;
        }
        int[] grown = new int[items.length + 2];
        System.arraycopy(items, 0, grown, 0, at);
        grown[at] = start;
        grown[at + 1] = stop;
        System.arraycopy(items, at, grown, at + 2, items.length - at);
        items = grown;
    }

    /** The items added with {@link #addItem}, as (start, stop or -1) pairs in systemd's order. */
    int[] items() {
        return items.clone();
    }

    /**
     * The smallest value at or above {@code value} that an open repetition asks for once the allowed values in
     * range are used up: past the maximum, or -1 if there is none. {@code offset} turns a stored start into the
     * first value (days counted from the end).
     */
    int pastMaximum(int value, IntUnaryOperator firstValue) {
        int best = -1;
        for (int i = 0; i < open.length; i += 2) {
            int start = firstValue.applyAsInt(open[i]);
            int repeat = open[i + 1];
            int k = start >= value ? start : start + repeat * ((value - start + repeat - 1) / repeat);
            if (best < 0 || k < best) {
                best = k;
            }
        }
        return best;
    }

    boolean contains(int value) {
        if (value < min || value > max) {
            return false;
        }
        int i = value - min;
        return (bits[i >> 6] & (1L << (i & 63))) != 0;
    }

    /** The smallest allowed value at or above {@code value}, past the maximum for an open repetition, or -1. */
    int atOrAfter(int value) {
        int inRange = inRangeAtOrAfter(value);
        return inRange >= 0 ? inRange : pastMaximum(value, start -> start);
    }

    /** The smallest allowed value in range at or above {@code value}, or -1. */
    int inRangeAtOrAfter(int value) {
        int i = Math.max(value, min) - min;
        int last = max - min;
        while (i <= last) {
            long word = bits[i >> 6] & (-1L << (i & 63));
            if (word != 0) {
                int found = ((i >> 6) << 6) + Long.numberOfTrailingZeros(word);
                return found <= last ? found + min : -1;
            }
            i = ((i >> 6) + 1) << 6;
        }
        return -1;
    }

    boolean isAll() {
        return count() == max - min + 1;
    }

    boolean isEmpty() {
        return count() == 0;
    }

    int count() {
        int n = 0;
        for (long word : bits) {
            n += Long.bitCount(word);
        }
        return n;
    }

    List<Integer> values() {
        List<Integer> values = new ArrayList<>();
        for (int v = inRangeAtOrAfter(min); v >= 0; v = v == max ? -1 : inRangeAtOrAfter(v + 1)) {
            values.add(v);
        }
        return values;
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CalendarValues that && min == that.min && max == that.max
                && Arrays.equals(bits, that.bits) && Arrays.equals(open, that.open);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits) * 31 + min;
    }
}
