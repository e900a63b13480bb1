package dev.vigil.app.notify;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholdersTest {

    private static final UUID ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

    private static Alert named(String name, String tags) {
        return new Alert(ID, name, "db-backup", tags, "P", "down", "up", "", Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:04:06.789Z"), null, "https://v.example/checks/" + ID + "/details/", false);
    }

    @Test
    void valuesArePercentEncodedInUrls() {
        assertThat(Placeholders.expand("https://x.example/$SLUG?n=$NAME&t=$TAGS&s=$STATUS&c=$CODE",
                named("a&b c/é", "x y"), Placeholders.Target.URL))
                .isEqualTo("https://x.example/db-backup?n=a%26b%20c%2F%C3%A9&t=x%20y&s=up&c=" + ID);
    }

    @Test
    void valuesAreJsonEscapedInJsonBodiesButJsonStaysJson() {
        String out = Placeholders.expand("{\"n\": \"$NAME\", \"at\": \"$NOW\", \"j\": $JSON}",
                named("say \"hi\"\n\\", ""), Placeholders.Target.JSON);
        assertThat(out).startsWith("{\"n\": \"say \\\"hi\\\"\\n\\\\\", \"at\": \"2026-01-02T03:04:06Z\", \"j\": "
                + "{\"uuid\":\"" + ID + "\",\"name\":\"say \\\"hi\\\"\\n\\\\\",");
        assertThat(jakarta.json.Json.createReader(new java.io.StringReader(out)).readObject().getString("n"))
                .isEqualTo("say \"hi\"\n\\");
    }

    @Test
    void aValueContainingAPlaceholderIsNotExpandedAgain() {
        assertThat(Placeholders.expand("$NAME/$SLUG", named("$SLUG", ""), Placeholders.Target.TEXT))
                .isEqualTo("$SLUG/db-backup");
    }

    @Test
    void anUnnamedCheckIsCalledByItsUuid() {
        assertThat(Placeholders.expand("$NAME is $STATUS", named("", ""), Placeholders.Target.TEXT))
                .isEqualTo(ID + " is up");
    }
}
