package dev.vigil.app.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The API's two timestamp forms, as Healthchecks writes them: "2020-03-24T14:02:03+00:00", with or without micros. */
public final class Timestamps {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private Timestamps() {
    }

    public static String seconds(Instant t) {
        return t == null ? null : SECONDS.format(t.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    public static String micros(Instant t) {
        return t == null ? null : MICROS.format(t.atOffset(ZoneOffset.UTC));
    }
}
