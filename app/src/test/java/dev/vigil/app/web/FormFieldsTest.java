package dev.vigil.app.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldsTest {

    @Test
    void decodesFieldsAndKeepsTheFirstOfARepeatedOne() {
        assertThat(FormFields.parse("csrf=a%2Bb&name=x+y&csrf=second&flag&="))
                .containsEntry("csrf", "a+b").containsEntry("name", "x y").containsEntry("flag", "");
        assertThat(FormFields.parse("")).isEmpty();
    }
}
