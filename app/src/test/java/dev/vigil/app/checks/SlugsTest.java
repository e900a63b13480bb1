package dev.vigil.app.checks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nightly DB backup (prod)|nightly-db-backup-prod",
            "  --Hello   World--  |hello-world",
            "Crème brûlée|creme-brulee",
            "snake_case_name|snake_case_name",
            "_leading and trailing_|leading-and-trailing",
            "a - b -- c|a-b-c",
            "日本語|''",
            "100% done!|100-done",
            "tab\there|tab-here"})
    void slugifyMatchesHealthchecks(String name, String slug) {
        assertThat(Slugs.slugify(name)).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"backup,true", "db-backup_2,true", "Backup,false", "a b,false", "ü,false"})
    void validSlugs(String slug, boolean valid) {
        assertThat(Slugs.isValid(slug)).isEqualTo(valid);
    }
}
